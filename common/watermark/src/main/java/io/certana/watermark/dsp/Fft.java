package io.certana.watermark.dsp;

/**
 * In-place radix-2 complex FFT (Cooley–Tukey, iterative, bit-reversed input order) in one and two
 * dimensions. Sizes must be powers of two; callers zero-pad.
 */
public final class Fft {

    private Fft() {
    }

    public static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    public static int nextPowerOfTwo(int n) {
        int size = 1;
        while (size < n) {
            size <<= 1;
        }
        return size;
    }

    /** Transforms re/im (length n, a power of two) in place; inverse scales by 1/n. */
    public static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (!isPowerOfTwo(n) || im.length != n) {
            throw new IllegalArgumentException("FFT length must be a power of two: " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int length = 2; length <= n; length <<= 1) {
            double angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            double stepRe = Math.cos(angle);
            double stepIm = Math.sin(angle);
            int half = length >> 1;
            for (int start = 0; start < n; start += length) {
                double wRe = 1;
                double wIm = 0;
                for (int k = 0; k < half; k++) {
                    int a = start + k;
                    int b = a + half;
                    double tRe = re[b] * wRe - im[b] * wIm;
                    double tIm = re[b] * wIm + im[b] * wRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    double nextRe = wRe * stepRe - wIm * stepIm;
                    wIm = wRe * stepIm + wIm * stepRe;
                    wRe = nextRe;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    /**
     * Transforms a row-major height x width array in place (rows, then columns). Rows, and then
     * columns, are transformed independently, so large arrays are split into bands over the cores
     * with the same result.
     */
    public static void transform2d(double[] re, double[] im, int width, int height, boolean inverse) {
        long work = (long) width * height;
        Bands.run(height, work, (first, end) -> {
            double[] rowRe = new double[width];
            double[] rowIm = new double[width];
            for (int y = first; y < end; y++) {
                System.arraycopy(re, y * width, rowRe, 0, width);
                System.arraycopy(im, y * width, rowIm, 0, width);
                transform(rowRe, rowIm, inverse);
                System.arraycopy(rowRe, 0, re, y * width, width);
                System.arraycopy(rowIm, 0, im, y * width, width);
            }
        });
        Bands.run(width, work, (first, end) -> {
            double[] colRe = new double[height];
            double[] colIm = new double[height];
            for (int x = first; x < end; x++) {
                for (int y = 0; y < height; y++) {
                    colRe[y] = re[y * width + x];
                    colIm[y] = im[y * width + x];
                }
                transform(colRe, colIm, inverse);
                for (int y = 0; y < height; y++) {
                    re[y * width + x] = colRe[y];
                    im[y * width + x] = colIm[y];
                }
            }
        });
    }
}
