package io.certana.watermark.dsp;

import java.awt.image.BufferedImage;

/**
 * A single-channel float image (row-major), with the few filters the watermark tracks need:
 * BT.601 luma extraction, area-average downscaling by an integer factor, separable box and
 * Gaussian filters with clamped edges.
 */
public final class Plane {

    public final int width;
    public final int height;
    public final float[] data;

    public Plane(int width, int height) {
        this(width, height, new float[width * height]);
    }

    public Plane(int width, int height, float[] data) {
        if (data.length != width * height) {
            throw new IllegalArgumentException("plane data has " + data.length + " values, expected " + width * height);
        }
        this.width = width;
        this.height = height;
        this.data = data;
    }

    /** Extracts BT.601 luma (the weights JPEG uses) in levels 0..255; alpha is ignored. */
    public static Plane luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        Plane plane = new Plane(w, h);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                plane.data[base + x] = 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
            }
        }
        return plane;
    }

    /** Extracts BT.601 luma from ARGB pixels. */
    public static Plane luma(int[] argb, int width, int height) {
        Plane plane = new Plane(width, height);
        for (int i = 0; i < argb.length; i++) {
            int rgb = argb[i];
            plane.data[i] = 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
        }
        return plane;
    }

    public float get(int x, int y) {
        return data[y * width + x];
    }

    /**
     * Downscales by an integer factor with an area average: output pixel (x, y) is the mean of input
     * pixels [x*f, (x+1)*f) x [y*f, (y+1)*f). A remainder of fewer than f columns or rows is dropped,
     * so output pixel centres sit at input coordinate (x + 0.5) * f exactly.
     */
    public Plane downscale(int factor) {
        if (factor == 1) {
            return this;
        }
        int w = width / factor;
        int h = height / factor;
        Plane out = new Plane(w, h);
        float[] rowSums = new float[w];
        float norm = 1f / (factor * factor);
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(rowSums, 0);
            for (int dy = 0; dy < factor; dy++) {
                int base = (y * factor + dy) * width;
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    int start = base + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += data[start + dx];
                    }
                    rowSums[x] += sum;
                }
            }
            for (int x = 0; x < w; x++) {
                out.data[y * w + x] = rowSums[x] * norm;
            }
        }
        return out;
    }

    /** Returns the mean over a (2r+1) x (2r+1) window, edges clamped (running sums, O(1) per pixel). */
    public Plane boxMean(int radius) {
        Plane horizontal = new Plane(width, height);
        float norm = 1f / (2 * radius + 1);
        for (int y = 0; y < height; y++) {
            int base = y * width;
            double sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += data[base + clamp(k, width)];
            }
            for (int x = 0; x < width; x++) {
                horizontal.data[base + x] = (float) (sum * norm);
                sum += data[base + clamp(x + radius + 1, width)] - data[base + clamp(x - radius, width)];
            }
        }
        Plane out = new Plane(width, height);
        double[] sums = new double[width];
        for (int k = -radius; k <= radius; k++) {
            int base = clamp(k, height) * width;
            for (int x = 0; x < width; x++) {
                sums[x] += horizontal.data[base + x];
            }
        }
        for (int y = 0; y < height; y++) {
            int base = y * width;
            int add = clamp(y + radius + 1, height) * width;
            int remove = clamp(y - radius, height) * width;
            for (int x = 0; x < width; x++) {
                out.data[base + x] = (float) (sums[x] * norm);
                sums[x] += horizontal.data[add + x] - horizontal.data[remove + x];
            }
        }
        return out;
    }

    /** Returns the local standard deviation over a (2r+1)^2 window. */
    public Plane localStdDev(int radius) {
        Plane squares = new Plane(width, height);
        for (int i = 0; i < data.length; i++) {
            squares.data[i] = data[i] * data[i];
        }
        Plane mean = boxMean(radius);
        Plane meanSquares = squares.boxMean(radius);
        Plane out = new Plane(width, height);
        for (int i = 0; i < data.length; i++) {
            float m = mean.data[i];
            out.data[i] = (float) Math.sqrt(Math.max(0, meanSquares.data[i] - m * m));
        }
        return out;
    }

    /** Returns a separable Gaussian blur with the given standard deviation in pixels. */
    public Plane gaussianBlur(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] kernel = new float[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
            total += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= total;
        }
        Plane horizontal = new Plane(width, height);
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * data[base + clamp(x + k, width)];
                }
                horizontal.data[base + x] = sum;
            }
        }
        Plane out = new Plane(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * horizontal.data[clamp(y + k, height) * width + x];
                }
                out.data[y * width + x] = sum;
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
