package io.certana.watermark.dsp;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Pixel access helpers: ARGB arrays in and out of {@link BufferedImage}, and PSNR.
 *
 * <p>Images of type INT_RGB and INT_ARGB (what the imaging core decodes to) are read and written
 * through their backing arrays; {@code getRGB}/{@code setRGB} convert every pixel through the
 * colour model, which took a fifth of a 12-megapixel embedding.
 */
public final class Rgb {

    /** Pixels per integer partial sum in {@link #psnr}. */
    private static final int PSNR_BLOCK = 4096;

    private Rgb() {
    }

    /** Returns the image as 0xAARRGGBB pixels, row-major (a new array; alpha 0xff for opaque types). */
    public static int[] argb(BufferedImage image) {
        int[] packed = packedPixels(image);
        if (packed == null) {
            return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        }
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return packed.clone();
        }
        int[] out = new int[packed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = packed[i] | 0xff000000;
        }
        return out;
    }

    /**
     * Returns the backing array of an INT_RGB or INT_ARGB image whose pixel (x, y) is element
     * y·width + x (not a copy: callers must not write to it), or null for any other layout, such
     * as other types or a sub-image sharing a larger raster.
     */
    static int[] packedPixels(BufferedImage image) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
            return null;
        }
        Raster raster = image.getRaster();
        DataBuffer buffer = raster.getDataBuffer();
        int pixels = image.getWidth() * image.getHeight();
        if (!(buffer instanceof DataBufferInt ints) || ints.getNumBanks() != 1 || ints.getOffset() != 0
                || ints.getSize() != pixels || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0
                || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel model)
                || model.getScanlineStride() != image.getWidth()) {
            return null;
        }
        return ints.getData();
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
        } else if (type == BufferedImage.TYPE_INT_ARGB) {
            System.arraycopy(argb, 0, packedPixels(out), 0, argb.length);
        } else {
            // INT_RGB stores 0x00RRGGBB, as setRGB would leave it.
            int[] target = packedPixels(out);
            for (int i = 0; i < argb.length; i++) {
                target[i] = argb[i] & 0xffffff;
            }
        }
        return out;
    }

    /** Changed pixels with the sum of squared R, G, B differences to the pixels they were made from. */
    public record Changed(int[] pixels, long squaredError) {

        /** PSNR in dB of the change, as {@link Rgb#psnr(int[], int[])} computes it. */
        public double psnrDb() {
            return psnr(squaredError, pixels.length);
        }
    }

    /** PSNR in dB from the sum of squared R, G, B differences over {@code pixels} pixels. */
    public static double psnr(long squaredError, int pixels) {
        double mse = squaredError / (3.0 * pixels);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** Squared R, G, B difference of two pixels: at most 3 · 255², so 4096 of them fit an int. */
    public static int squaredDifference(int p, int q) {
        int dr = ((p >> 16) & 0xff) - ((q >> 16) & 0xff);
        int dg = ((p >> 8) & 0xff) - ((q >> 8) & 0xff);
        int db = (p & 0xff) - (q & 0xff);
        return dr * dr + dg * dg + db * db;
    }

    /** PSNR in dB over the R, G and B channels of two equally sized ARGB arrays. */
    public static double psnr(int[] a, int[] b) {
        // Integer sums are exact, so the total equals the double sum it replaces. Blocks of
        // PSNR_BLOCK pixels stay below 2^31 (4096 · 3 · 255² ≈ 8·10^8) and let the JIT vectorise
        // the int loop; the long total stays below 2^53 for any image the engine accepts.
        int blocks = (a.length + PSNR_BLOCK - 1) / PSNR_BLOCK;
        long sum = Bands.sum(blocks, a.length, (first, last) -> {
            long bandSum = 0;
            for (int start = first * PSNR_BLOCK; start < Math.min(a.length, last * PSNR_BLOCK); start += PSNR_BLOCK) {
                int end = Math.min(a.length, start + PSNR_BLOCK);
                int block = 0;
                for (int i = start; i < end; i++) {
                    block += squaredDifference(a[i], b[i]);
                }
                bandSum += block;
            }
            return bandSum;
        });
        return psnr(sum, a.length);
    }

    /** Adds a luma change equally to R, G and B, rounding and clipping; alpha is copied unchanged. */
    public static int[] addLuma(int[] argb, float[] delta) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            out[i] = addToPixel(argb[i], delta[i]);
        }
        return out;
    }

    /**
     * {@link #addLuma(int[], float[])} with the change gain · pattern[i], without building the
     * change array, and with the squared error of the change summed in the same pass.
     */
    public static Changed addLuma(int[] argb, float[] pattern, float gain) {
        int[] out = new int[argb.length];
        int blocks = (argb.length + PSNR_BLOCK - 1) / PSNR_BLOCK;
        long sum = Bands.sum(blocks, argb.length, (first, last) -> {
            long bandSum = 0;
            for (int start = first * PSNR_BLOCK; start < Math.min(argb.length, last * PSNR_BLOCK); start += PSNR_BLOCK) {
                int end = Math.min(argb.length, start + PSNR_BLOCK);
                int block = 0;
                for (int i = start; i < end; i++) {
                    int p = addToPixel(argb[i], gain * pattern[i]);
                    out[i] = p;
                    block += squaredDifference(argb[i], p);
                }
                bandSum += block;
            }
            return bandSum;
        });
        return new Changed(out, sum);
    }

    /** Adds d to each colour channel of one pixel, rounding half up and clipping to 0..255. */
    public static int addToPixel(int p, float d) {
        int r = roundClamp(((p >> 16) & 0xff) + d);
        int g = roundClamp(((p >> 8) & 0xff) + d);
        int b = roundClamp((p & 0xff) + d);
        return (p & 0xff000000) | (r << 16) | (g << 8) | b;
    }

    /**
     * Math.round followed by a clip to 0..255, in fewer operations: a float plus 0.5 is exact in
     * double, so truncating it equals Math.round's floor(v + 0.5) for v ≥ −0.5, and every smaller
     * v clips to 0 either way.
     */
    private static int roundClamp(float v) {
        int i = (int) (v + 0.5);
        return i < 0 ? 0 : (i > 255 ? 255 : i);
    }
}
