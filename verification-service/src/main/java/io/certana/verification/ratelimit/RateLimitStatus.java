package io.certana.verification.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of the caller's tightest limit after a request was counted, for the
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} headers.
 *
 * @param limit requests allowed in the window
 * @param remaining requests left in the window
 * @param resetSeconds seconds until the window ends
 */
public record RateLimitStatus(int limit, int remaining, long resetSeconds) {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    /** Returns the three headers. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIMIT, Integer.toString(limit));
        headers.put(REMAINING, Integer.toString(Math.max(0, remaining)));
        headers.put(RESET, Long.toString(Math.max(0, resetSeconds)));
        return headers;
    }
}
