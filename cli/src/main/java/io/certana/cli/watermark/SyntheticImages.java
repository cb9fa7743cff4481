package io.certana.cli.watermark;

import io.certana.imaging.decode.IntImages;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Generated test content for the benchmark and the false-positive survey, deterministic per seed. */
final class SyntheticImages {

    private SyntheticImages() {
    }

    /**
     * A photo-like RGB image: a sum of random low-frequency waves per channel (large smooth areas
     * and gradients) with Gaussian sensor noise of the given standard deviation, in luma levels.
     */
    static BufferedImage photoLike(int width, int height, double noise, long seed) {
        Random random = new Random(seed);
        int waves = 8;
        double[][] parameters = new double[3 * waves][4];
        for (double[] wave : parameters) {
            wave[0] = random.nextDouble() * 2 * Math.PI;
            wave[1] = (random.nextDouble() * 6 + 0.5) * 2 * Math.PI / width;
            wave[2] = (random.nextDouble() * 6 + 0.5) * 2 * Math.PI / height;
            wave[3] = random.nextDouble() * 2 * Math.PI;
        }
        int[] pixels = new int[width * height];
        // Rows are sums of separable cosines, so each wave needs one cosine per column and per row.
        double[][] columns = new double[parameters.length][width];
        for (int k = 0; k < parameters.length; k++) {
            for (int x = 0; x < width; x++) {
                columns[k][x] = Math.cos(parameters[k][1] * x + parameters[k][0]);
            }
        }
        for (int y = 0; y < height; y++) {
            double[] rows = new double[parameters.length];
            for (int k = 0; k < parameters.length; k++) {
                rows[k] = Math.cos(parameters[k][2] * y + parameters[k][3]);
            }
            for (int x = 0; x < width; x++) {
                int rgb = 0;
                double shared = noise * random.nextGaussian();
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int k = c * waves; k < (c + 1) * waves; k++) {
                        v += columns[k][x] * rows[k];
                    }
                    int value = (int) Math.round(128 + 30 * v + shared);
                    rgb = (rgb << 8) | Math.max(0, Math.min(255, value));
                }
                pixels[y * width + x] = rgb;
            }
        }
        return IntImages.wrap(pixels, width, height, false);
    }

    /** Uniform white noise in 0..255, the same on R, G and B when {@code gray}. */
    static BufferedImage noise(int width, int height, boolean gray, long seed) {
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = gray ? random.nextInt(256) * 0x010101 : random.nextInt(1 << 24);
        }
        return IntImages.wrap(pixels, width, height, false);
    }
}
