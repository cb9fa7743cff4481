package io.certana.watermark.dsp;

import java.util.stream.IntStream;

/**
 * Runs a loop over [0, n) as contiguous bands on the available cores (the calling thread and the
 * common fork-join pool), for full-resolution passes over large images.
 *
 * <p>Results stay identical to a single-threaded run whatever the thread count or scheduling,
 * provided the body writes only its own band's outputs and partial results are combined exactly
 * (integer sums, or per-band values merged in band order).
 */
public final class Bands {

    /** Elements of work below which a loop runs on the calling thread only: about one megapixel. */
    static final long MIN_PARALLEL_WORK = 1L << 20;

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private Bands() {
    }

    /** The body of a banded loop: processes indices [start, end). */
    @FunctionalInterface
    public interface Body {
        void run(int start, int end);
    }

    /** The body of a banded sum: returns the exact integer sum over [start, end). */
    @FunctionalInterface
    public interface SumBody {
        long sum(int start, int end);
    }

    /** Number of bands for n indices whose total work is {@code work} elements. */
    static int count(int n, long work) {
        if (CORES == 1 || work < MIN_PARALLEL_WORK || n < 2) {
            return 1;
        }
        return Math.min(n, CORES);
    }

    /** Runs {@code body} over [0, n) split into bands; {@code work} is the total element count. */
    public static void run(int n, long work, Body body) {
        int bands = count(n, work);
        if (bands == 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, bands).parallel().forEach(b -> body.run(start(n, bands, b), start(n, bands, b + 1)));
    }

    /** Runs {@code body} over [0, n) split into bands and returns the sum of the band sums. */
    public static long sum(int n, long work, SumBody body) {
        int bands = count(n, work);
        if (bands == 1) {
            return body.sum(0, n);
        }
        return IntStream.range(0, bands).parallel()
                .mapToLong(b -> body.sum(start(n, bands, b), start(n, bands, b + 1)))
                .sum();
    }

    private static int start(int n, int bands, int band) {
        return (int) ((long) n * band / bands);
    }
}
