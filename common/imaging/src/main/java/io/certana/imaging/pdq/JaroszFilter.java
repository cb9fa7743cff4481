package io.certana.imaging.pdq;

/**
 * Jarosz box-filter blur and decimation to 64 × 64, the downsampling step of PDQ.
 *
 * <p>Source: "The TMK+PDQF Video-Hashing Algorithm and the PDQ Image Hashing Algorithm" (Meta,
 * 2019), section on PDQ downsampling, and the structure of {@code box1DFloat},
 * {@code jaroszFilterFloat} and {@code decimateFloat} in facebook/ThreatExchange
 * {@code pdq/cpp/downscaling/downscaling.cpp}. Each pass is a running-sum box filter whose window
 * shrinks at both ends of the line. Rounds of one horizontal and one vertical pass approximate a
 * Gaussian (Jarosz, "Fast Image Convolutions", 2001). Decimation then takes the sample at the
 * centre of each of the 64 × 64 cells.
 *
 * <p>For bit-exact results every output sample is computed with the same float operations in the
 * same order as the reference: {@code sum += in[right]; sum -= in[left]; out = sum / count}. Only
 * the schedule differs. The reference filters whole images between two full-size buffers; here
 * the passes are chained as a pipeline that streams rows top to bottom, because a vertical box
 * filter needs only the last {@code window} rows it consumed. So no full-size float buffer exists,
 * memory is read once, and the last vertical pass runs only on the 64 columns that decimation
 * keeps. Horizontal passes filter {@value #GROUP} rows side by side, which gives the processor
 * independent running sums to work on in parallel.
 */
final class JaroszFilter {

    /** Rows filtered together by a horizontal pass (the four running sums of {@code runningSums}). */
    static final int GROUP = 4;

    private JaroszFilter() {
    }

    /**
     * Window size for shrinking {@code oldDimension} samples to {@code newDimension}: the
     * reference's {@code (old + 2·new − 1) / (2·new)}, half the decimation step rounded up.
     */
    static int windowSize(int oldDimension, int newDimension) {
        return (oldDimension + 2 * newDimension - 1) / (2 * newDimension);
    }

    /** Supplier of input rows, called once per row, top to bottom. */
    interface RowSource {
        /** Writes samples 0..cols-1 of row {@code row} to {@code out}. */
        void fill(int row, float[] out);
    }

    /** Consumer of rows in top-to-bottom order. It must copy what it keeps: the array is reused. */
    private interface RowSink {
        void accept(float[] row);

        void finish();
    }

    /**
     * Filters the {@code rows × cols} image from {@code source} with {@code passes} rounds of
     * (horizontal, vertical) box filtering and returns the {@code size × size} decimation,
     * row-major: output (i, j) is filtered sample ({@code (int) ((i + 0.5) · rows / size)},
     * {@code (int) ((j + 0.5) · cols / size)}), computed in double as the reference does.
     */
    static float[] filterAndDecimate(RowSource source, int rows, int cols, int windowAlongRows, int windowAlongCols,
            int passes, int size) {
        int[] sampledRows = new int[size];
        int[] sampledCols = new int[size];
        for (int i = 0; i < size; i++) {
            sampledRows[i] = (int) (((i + 0.5) * rows) / size);
            sampledCols[i] = (int) (((i + 0.5) * cols) / size);
        }
        Decimation decimation = new Decimation(sampledRows, size);

        // Build the chain from its end: H1 → V1 → ... → Hn → Vn (sampled columns only) → decimation.
        RowSink sink = new VerticalPass(rows, cols, windowAlongCols, sampledCols, decimation);
        sink = new HorizontalPass(cols, windowAlongRows, sink);
        for (int pass = 1; pass < passes; pass++) {
            sink = new VerticalPass(rows, cols, windowAlongCols, null, sink);
            sink = new HorizontalPass(cols, windowAlongRows, sink);
        }

        float[] row = new float[cols];
        for (int i = 0; i < rows; i++) {
            source.fill(i, row);
            sink.accept(row);
        }
        sink.finish();
        return decimation.output;
    }

    /**
     * One horizontal pass. A running sum is a chain of dependent additions, so {@value #GROUP}
     * rows are summed side by side in local variables, which the processor overlaps; the
     * divisions by the window count then run as a separate loop over each row, which the JIT
     * turns into SIMD code. Dividing afterwards gives the same float results, because each output
     * is the running sum at that step divided by the same count.
     */
    private static final class HorizontalPass implements RowSink {
        private final int cols;
        private final int window;
        private final RowSink next;
        private final float[][] rows = new float[GROUP][];
        private final float[][] sums = new float[GROUP][];
        /** Window count at each output position: growing, full, then shrinking. */
        private final float[] divisors;
        private final float[] row;
        private int filled;

        HorizontalPass(int cols, int window, RowSink next) {
            this.cols = cols;
            this.window = window;
            this.next = next;
            for (int i = 0; i < GROUP; i++) {
                rows[i] = new float[cols];
                sums[i] = new float[cols];
            }
            this.row = new float[cols];
            this.divisors = new float[cols];
            int half = (window + 2) / 2;
            for (int o = 0; o < cols; o++) {
                // Output o covers input o - (window - half) .. o + half - 1, clipped to the line.
                int first = Math.max(0, o - (window - half));
                int last = Math.min(cols - 1, o + half - 1);
                divisors[o] = last - first + 1;
            }
        }

        @Override
        public void accept(float[] in) {
            System.arraycopy(in, 0, rows[filled++], 0, cols);
            if (filled == GROUP) {
                flush();
            }
        }

        @Override
        public void finish() {
            flush();
            next.finish();
        }

        private void flush() {
            if (filled == 0) {
                return;
            }
            // Rows past "filled" hold stale data; they are summed but never passed on.
            runningSums(rows[0], rows[1], rows[2], rows[3], sums[0], sums[1], sums[2], sums[3], cols, window);
            for (int i = 0; i < filled; i++) {
                float[] sum = sums[i];
                for (int k = 0; k < cols; k++) {
                    row[k] = sum[k] / divisors[k];
                }
                next.accept(row);
            }
            filled = 0;
        }

        /**
         * The running sums of the box filter along four lines, in the reference's operation order:
         * phase 1 accumulates the samples ahead of the first output, phase 2 grows the window,
         * phase 3 slides it ({@code (sum + entering) - leaving}), phase 4 shrinks it. For window 7
         * an output spans 3 samples back and 3 ahead; for window 8, 3 back and 4 ahead.
         */
        private static void runningSums(float[] a, float[] b, float[] c, float[] d,
                float[] sa, float[] sb, float[] sc, float[] sd, int length, int window) {
            int half = (window + 2) / 2;
            int phase1 = half - 1;
            int phase2 = window - half + 1;
            int phase3 = length - window;
            int phase4 = half - 1;
            float s0 = 0.0f;
            float s1 = 0.0f;
            float s2 = 0.0f;
            float s3 = 0.0f;
            int right = 0;
            int left = 0;
            int o = 0;
            for (int i = 0; i < phase1; i++, right++) {
                s0 += a[right];
                s1 += b[right];
                s2 += c[right];
                s3 += d[right];
            }
            for (int i = 0; i < phase2; i++, right++, o++) {
                s0 += a[right];
                s1 += b[right];
                s2 += c[right];
                s3 += d[right];
                sa[o] = s0;
                sb[o] = s1;
                sc[o] = s2;
                sd[o] = s3;
            }
            for (int i = 0; i < phase3; i++, right++, left++, o++) {
                s0 = (s0 + a[right]) - a[left];
                s1 = (s1 + b[right]) - b[left];
                s2 = (s2 + c[right]) - c[left];
                s3 = (s3 + d[right]) - d[left];
                sa[o] = s0;
                sb[o] = s1;
                sc[o] = s2;
                sd[o] = s3;
            }
            for (int i = 0; i < phase4; i++, left++, o++) {
                s0 -= a[left];
                s1 -= b[left];
                s2 -= c[left];
                s3 -= d[left];
                sa[o] = s0;
                sb[o] = s1;
                sc[o] = s2;
                sd[o] = s3;
            }
        }
    }

    /**
     * One vertical pass over all columns, or only over {@code columns} when given. Each input row
     * is added to the running sums and kept in ring slot {@code row % window}, from where it is
     * subtracted {@code window} rows later. Output row i leaves after input row i + half − 1
     * arrives; the last rows leave in {@link #finish()}.
     */
    private static final class VerticalPass implements RowSink {
        private final int rows;
        private final int window;
        /** Phase 1 length: rows read before the first output. Phase 4 has the same length. */
        private final int lead;
        private final int[] columns;
        private final RowSink next;
        private final float[] sums;
        private final float[] ring;
        private final float[] out;
        private int pushed;
        private int count;

        VerticalPass(int rows, int cols, int window, int[] columns, RowSink next) {
            this.rows = rows;
            this.window = window;
            this.lead = (window + 2) / 2 - 1;
            this.columns = columns;
            this.next = next;
            int lineWidth = columns != null ? columns.length : cols;
            this.sums = new float[lineWidth];
            this.ring = new float[window * lineWidth];
            this.out = new float[lineWidth];
        }

        @Override
        public void accept(float[] in) {
            int lineWidth = sums.length;
            int row = pushed++;
            int slot = (row % window) * lineWidth;
            if (row < window) {
                // Phases 1 and 2: the window grows, nothing leaves it yet.
                if (columns == null) {
                    for (int j = 0; j < lineWidth; j++) {
                        float value = in[j];
                        sums[j] += value;
                        ring[slot + j] = value;
                    }
                } else {
                    for (int j = 0; j < lineWidth; j++) {
                        float value = in[columns[j]];
                        sums[j] += value;
                        ring[slot + j] = value;
                    }
                }
                count++;
                if (row >= lead) {
                    emit();
                }
                return;
            }
            // Phase 3: row "row - window" shares the ring slot of the entering row and leaves the window.
            if (columns == null) {
                for (int j = 0; j < lineWidth; j++) {
                    float value = in[j];
                    sums[j] = (sums[j] + value) - ring[slot + j];
                    ring[slot + j] = value;
                }
            } else {
                for (int j = 0; j < lineWidth; j++) {
                    float value = in[columns[j]];
                    sums[j] = (sums[j] + value) - ring[slot + j];
                    ring[slot + j] = value;
                }
            }
            emit();
        }

        @Override
        public void finish() {
            // Phase 4: the window shrinks from the top until the last output row.
            int lineWidth = sums.length;
            for (int i = 0; i < lead; i++) {
                int slot = ((rows - window + i) % window) * lineWidth;
                for (int j = 0; j < lineWidth; j++) {
                    sums[j] = sums[j] - ring[slot + j];
                }
                count--;
                emit();
            }
            next.finish();
        }

        private void emit() {
            float divisor = count;
            for (int j = 0; j < out.length; j++) {
                out[j] = sums[j] / divisor;
            }
            next.accept(out);
        }
    }

    /** Keeps the filtered rows that decimation samples (a row may be sampled more than once). */
    private static final class Decimation implements RowSink {
        private final int[] sampledRows;
        private final int size;
        final float[] output;
        private int index;
        private int next;

        Decimation(int[] sampledRows, int size) {
            this.sampledRows = sampledRows;
            this.size = size;
            this.output = new float[size * size];
        }

        @Override
        public void accept(float[] row) {
            while (next < size && sampledRows[next] == index) {
                System.arraycopy(row, 0, output, next * size, size);
                next++;
            }
            index++;
        }

        @Override
        public void finish() {
            if (next != size) {
                throw new IllegalStateException("decimation received " + index + " rows, sampled " + next + " of " + size);
            }
        }
    }
}
