package io.certana.asset.job;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between the attempts of a job that failed with a transient error: exponential and capped.
 * Half of each delay is fixed and half random ("equal jitter"), so that jobs that failed together,
 * say during a database restart, do not all retry in the same second.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;

    public Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** Returns the delay after the given attempt (1 for the first): about base × 2^(attempt − 1), at most max. */
    public Duration delayAfter(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long ceiling = Math.min(max.toMillis(), base.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
