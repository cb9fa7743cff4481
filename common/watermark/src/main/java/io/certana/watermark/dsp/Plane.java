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
        int[] packed = Rgb.packedPixels(image);
        if (packed != null) {
            return luma(packed, w, h);
        }
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
        Bands.run(argb.length, argb.length, (start, end) -> {
            for (int i = start; i < end; i++) {
                plane.data[i] = luma(argb[i]);
            }
        });
        return plane;
    }

    /** BT.601 luma of one pixel, in levels 0..255. */
    public static float luma(int rgb) {
        return 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
    }

    /** Returns {@code luma(image).downscale(factor)}, reading INT_RGB and INT_ARGB pixels in place. */
    public static Plane lumaDownscaled(BufferedImage image, int factor) {
        int[] packed = Rgb.packedPixels(image);
        return packed != null
                ? lumaDownscaled(packed, image.getWidth(), image.getHeight(), factor)
                : luma(image).downscale(factor);
    }

    /**
     * Returns {@code luma(argb, width, height).downscale(factor)} without the full-resolution
     * plane: the same sums in the same order, so the result is identical.
     */
    public static Plane lumaDownscaled(int[] argb, int width, int height, int factor) {
        if (factor == 1) {
            return luma(argb, width, height);
        }
        int w = width / factor;
        int h = height / factor;
        Plane out = new Plane(w, h);
        float norm = 1f / (factor * factor);
        Bands.run(h, (long) width * height, (firstRow, endRow) -> {
            float[] rowSums = new float[w];
            for (int y = firstRow; y < endRow; y++) {
                java.util.Arrays.fill(rowSums, 0);
                for (int dy = 0; dy < factor; dy++) {
                    int base = (y * factor + dy) * width;
                    for (int x = 0; x < w; x++) {
                        float sum = 0;
                        int start = base + x * factor;
                        for (int dx = 0; dx < factor; dx++) {
                            sum += luma(argb[start + dx]);
                        }
                        rowSums[x] += sum;
                    }
                }
                for (int x = 0; x < w; x++) {
                    out.data[y * w + x] = rowSums[x] * norm;
                }
            }
        });
        return out;
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
        Bands.run(height, data.length, (firstRow, endRow) -> {
            for (int y = firstRow; y < endRow; y++) {
                horizontalBoxRow(data, y * width, width, radius, norm, horizontal.data, y * width);
            }
        });
        return verticalBox(horizontal, radius, norm);
    }

    /**
     * Writes the clamped running mean of the row at {@code base} in {@code in} to {@code out} at
     * {@code outBase}. The loop is split so that the interior, where neither end of the window
     * leaves the row, runs without index clamping; the arithmetic is the same everywhere.
     */
    private static void horizontalBoxRow(float[] in, int base, int width, int radius, float norm, float[] out,
                                         int outBase) {
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            sum += in[base + clamp(k, width)];
        }
        int interiorStart = Math.min(width, radius);
        int interiorEnd = Math.max(interiorStart, width - radius - 1);
        int x = 0;
        for (; x < interiorStart; x++) {
            out[outBase + x] = (float) (sum * norm);
            sum += in[base + clamp(x + radius + 1, width)] - in[base + clamp(x - radius, width)];
        }
        for (; x < interiorEnd; x++) {
            out[outBase + x] = (float) (sum * norm);
            sum += in[base + x + radius + 1] - in[base + x - radius];
        }
        for (; x < width; x++) {
            out[outBase + x] = (float) (sum * norm);
            sum += in[base + clamp(x + radius + 1, width)] - in[base + clamp(x - radius, width)];
        }
    }

    /** The vertical pass of {@link #boxMean} over a plane already filtered horizontally. */
    private static Plane verticalBox(Plane horizontal, int radius, float norm) {
        int width = horizontal.width;
        int height = horizontal.height;
        Plane out = new Plane(width, height);
        // Bands of columns: every column keeps its own running sum, so the split changes nothing.
        Bands.run(width, (long) width * height, (firstColumn, endColumn) -> {
            double[] sums = new double[width];
            for (int k = -radius; k <= radius; k++) {
                int base = clamp(k, height) * width;
                for (int x = firstColumn; x < endColumn; x++) {
                    sums[x] += horizontal.data[base + x];
                }
            }
            for (int y = 0; y < height; y++) {
                int base = y * width;
                int add = clamp(y + radius + 1, height) * width;
                int remove = clamp(y - radius, height) * width;
                for (int x = firstColumn; x < endColumn; x++) {
                    out.data[base + x] = (float) (sums[x] * norm);
                    sums[x] += horizontal.data[add + x] - horizontal.data[remove + x];
                }
            }
        });
        return out;
    }

    /**
     * Returns the local standard deviation over a (2r+1)^2 window: the box means of the values and
     * of their squares, computed row by row into two planes that the output then reuses.
     */
    public Plane localStdDev(int radius) {
        float norm = 1f / (2 * radius + 1);
        Plane rowMean = new Plane(width, height);
        Plane rowMeanSquares = new Plane(width, height);
        Bands.run(height, data.length, (firstRow, endRow) -> {
            float[] squares = new float[width];
            for (int y = firstRow; y < endRow; y++) {
                int base = y * width;
                horizontalBoxRow(data, base, width, radius, norm, rowMean.data, base);
                for (int x = 0; x < width; x++) {
                    squares[x] = data[base + x] * data[base + x];
                }
                horizontalBoxRow(squares, 0, width, radius, norm, rowMeanSquares.data, base);
            }
        });
        Plane mean = verticalBox(rowMean, radius, norm);
        Plane meanSquares = verticalBox(rowMeanSquares, radius, norm);
        float[] out = mean.data;
        Bands.run(out.length, out.length, (start, end) -> {
            for (int i = start; i < end; i++) {
                float m = out[i];
                out[i] = (float) Math.sqrt(Math.max(0, meanSquares.data[i] - m * m));
            }
        });
        return mean;
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
