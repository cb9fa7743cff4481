package io.certana.verification.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * One fixed window that a request counts against.
 *
 * @param subject who is counted and the window length, such as {@code key:<id>:PT1H}
 * @param limit requests allowed per window, at least 1
 * @param length window length
 * @param description what the limit is, in the 429 detail, such as "per hour for this API key"
 */
public record RateLimitWindow(String subject, int limit, Duration length, String description) {

    public RateLimitWindow {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1 request, got " + limit);
        }
    }

    /** Start of the window that contains {@code now}: windows are aligned to the epoch, so hours and days align in UTC. */
    public Instant start(Instant now) {
        long lengthMs = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), lengthMs) * lengthMs);
    }
}
