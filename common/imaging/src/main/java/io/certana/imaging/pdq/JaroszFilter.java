package io.certana.imaging.pdq;

/**
 * Jarosz box-filter blur, the anti-aliasing step of PDQ before decimation to 64 × 64.
 *
 * <p>Source: "The TMK+PDQF Video-Hashing Algorithm and the PDQ Image Hashing Algorithm" (Meta,
 * 2019), section on PDQ downsampling, and the structure of {@code box1DFloat} in
 * facebook/ThreatExchange {@code pdq/cpp/downscaling/downscaling.cpp}. Each pass is a running-sum
 * box filter whose window shrinks at both ends of the line; two horizontal and two vertical
 * passes approximate a Gaussian (Jarosz, "Fast Image Convolutions", 2001).
 *
 * <p>For bit-exact results every output sample is computed with the same float operations in the
 * same order as the reference: {@code sum += in[right]; sum -= in[left]; out = sum / count}. The
 * code differs only in memory traffic: it filters in place in one buffer, runs the vertical pass
 * over all columns at once (row by row, so memory is read sequentially), and keeps the last
 * {@code window} input rows in a ring buffer because their slots are overwritten by output.
 */
final class JaroszFilter {

    private JaroszFilter() {
    }

    /**
     * Window size for shrinking {@code oldDimension} samples to {@code newDimension}: the
     * reference's {@code (old + 2·new − 1) / (2·new)}, half the decimation step rounded up.
     */
    static int windowSize(int oldDimension, int newDimension) {
        return (oldDimension + 2 * newDimension - 1) / (2 * newDimension);
    }

    /** Applies {@code passes} rounds of (horizontal pass, vertical pass) to {@code buffer} in place. */
    static void filter(float[] buffer, int rows, int cols, int windowAlongRows, int windowAlongCols, int passes) {
        float[] row = new float[cols];
        float[] sums = new float[cols];
        float[] ring = new float[windowAlongCols * cols];
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(buffer, i * cols, row, 0, cols);
                boxRow(row, buffer, i * cols, cols, windowAlongRows);
            }
            boxColumns(buffer, rows, cols, windowAlongCols, sums, ring);
        }
    }

    /** One-dimensional box filter of {@code in[0..length)} into {@code out[offset..offset+length)}. */
    private static void boxRow(float[] in, float[] out, int offset, int length, int window) {
        // The window is centred: for window 7 it spans 3 samples back and 3 ahead; for 8 it spans 3 back and 4 ahead.
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        int left = 0;
        int right = 0;
        int o = offset;
        float sum = 0.0f;
        int count = 0;

        // Phase 1: accumulate the samples ahead of the first output, no writes.
        for (int i = 0; i < phase1; i++) {
            sum += in[right++];
            count++;
        }
        // Phase 2: the window grows until it is full.
        for (int i = 0; i < phase2; i++) {
            sum += in[right++];
            count++;
            out[o++] = sum / count;
        }
        // Phase 3: full window slides.
        for (int i = 0; i < phase3; i++) {
            sum += in[right++];
            sum -= in[left++];
            out[o++] = sum / count;
        }
        // Phase 4: the window shrinks at the end of the line.
        for (int i = 0; i < phase4; i++) {
            sum -= in[left++];
            count--;
            out[o++] = sum / count;
        }
    }

    /**
     * The same filter down every column at once. Row {@code r} of the input is copied into
     * {@code ring} slot {@code r % window} when it is added, and subtracted from there
     * {@code window} rows later, after its place in {@code buffer} holds output.
     */
    private static void boxColumns(float[] buffer, int rows, int cols, int window, float[] sums, float[] ring) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = rows - window;
        int phase4 = half - 1;
        java.util.Arrays.fill(sums, 0.0f);
        int right = 0;
        int left = 0;
        int out = 0;
        int count = 0;

        for (int i = 0; i < phase1; i++) {
            addRow(buffer, right, cols, sums, ring, (right % window) * cols);
            right++;
            count++;
        }
        for (int i = 0; i < phase2; i++) {
            addRow(buffer, right, cols, sums, ring, (right % window) * cols);
            right++;
            count++;
            writeRow(buffer, out++, cols, sums, count);
        }
        for (int i = 0; i < phase3; i++) {
            // Row "left" is exactly "window" rows behind row "right", so both share one ring slot.
            int slot = (right % window) * cols;
            int in = right * cols;
            int o = out * cols;
            float divisor = count;
            for (int j = 0; j < cols; j++) {
                float entering = buffer[in + j];
                float sum = sums[j] + entering;
                sum -= ring[slot + j];
                ring[slot + j] = entering;
                sums[j] = sum;
                buffer[o + j] = sum / divisor;
            }
            right++;
            left++;
            out++;
        }
        for (int i = 0; i < phase4; i++) {
            int slot = (left % window) * cols;
            count--;
            float divisor = count;
            int o = out * cols;
            for (int j = 0; j < cols; j++) {
                float sum = sums[j] - ring[slot + j];
                sums[j] = sum;
                buffer[o + j] = sum / divisor;
            }
            left++;
            out++;
        }
    }

    private static void addRow(float[] buffer, int row, int cols, float[] sums, float[] ring, int slot) {
        int in = row * cols;
        for (int j = 0; j < cols; j++) {
            float value = buffer[in + j];
            sums[j] += value;
            ring[slot + j] = value;
        }
    }

    private static void writeRow(float[] buffer, int row, int cols, float[] sums, int count) {
        int o = row * cols;
        float divisor = count;
        for (int j = 0; j < cols; j++) {
            buffer[o + j] = sums[j] / divisor;
        }
    }
}
