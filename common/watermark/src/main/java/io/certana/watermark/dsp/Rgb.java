package io.certana.watermark.dsp;

import java.awt.image.BufferedImage;

/** Pixel access helpers: ARGB arrays in and out of {@link BufferedImage}, and PSNR. */
public final class Rgb {

    private Rgb() {
    }

    public static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /**
     * Creates an image of the same type as {@code like} where possible (INT_RGB, INT_ARGB and
     * BYTE_GRAY are kept; other types become INT_ARGB when they have alpha, INT_RGB otherwise).
     */
    public static BufferedImage toImage(int[] argb, int width, int height, BufferedImage like) {
        int type = like.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB
                && type != BufferedImage.TYPE_BYTE_GRAY) {
            type = like.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        }
        BufferedImage out = new BufferedImage(width, height, type);
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
            // Gray inputs only ever receive equal changes on R, G and B, so any channel is the gray value.
            byte[] gray = new byte[width * height];
            for (int i = 0; i < gray.length; i++) {
                gray[i] = (byte) (argb[i] & 0xff);
            }
            out.getRaster().setDataElements(0, 0, width, height, gray);
        } else {
            out.setRGB(0, 0, width, height, argb, 0, width);
        }
        return out;
    }

    /** PSNR in dB over the R, G and B channels of two equally sized ARGB arrays. */
    public static double psnr(int[] a, int[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = ((a[i] >> shift) & 0xff) - ((b[i] >> shift) & 0xff);
                sum += d * d;
            }
        }
        double mse = sum / (3.0 * a.length);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** Adds a luma change equally to R, G and B, rounding and clipping; alpha is copied unchanged. */
    public static int[] addLuma(int[] argb, float[] delta) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float d = delta[i];
            int r = clamp(Math.round(((p >> 16) & 0xff) + d));
            int g = clamp(Math.round(((p >> 8) & 0xff) + d));
            int b = clamp(Math.round((p & 0xff) + d));
            out[i] = (p & 0xff000000) | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }
}
