package io.certana.asset.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void delayDoublesWithinJitter() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = 2000L << (attempt - 1);
            for (int sample = 0; sample < 200; sample++) {
                long delay = backoff.delayAfter(attempt).toMillis();
                assertTrue(delay >= ceiling / 2, "attempt " + attempt + ": " + delay + " ms below half the ceiling");
                assertTrue(delay <= ceiling, "attempt " + attempt + ": " + delay + " ms above " + ceiling);
            }
        }
    }

    @Test
    void delayIsCapped() {
        for (int attempt : new int[] {9, 20, 64, Integer.MAX_VALUE}) {
            long delay = backoff.delayAfter(attempt).toMillis();
            assertTrue(delay <= Duration.ofMinutes(5).toMillis(), attempt + ": " + delay);
            assertTrue(delay >= Duration.ofMinutes(5).toMillis() / 2, attempt + ": " + delay);
        }
    }
}
