package io.certana.verification.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.certana.platform.auth.ApiKeyIntrospection;
import io.certana.platform.auth.Caller;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;
import io.certana.verification.config.VerificationConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Counts requests in fixed windows kept in PostgreSQL, so every replica sees the same counters.
 * An API key is limited per hour and per day (its own limits from introspection, or the configured
 * defaults), a user with an access token likewise, and a caller without valid credentials per hour
 * and client address. Each window is counted by one atomic upsert that refuses at the limit, and
 * all windows of a request are counted in one transaction, so a refusal by one window counts in none.
 * {@link RateLimitFilter} calls it for every request under {@code /api/v1/}.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final EntityManager entityManager;
    private final VerificationConfig.RateLimit config;

    public RateLimiter(EntityManager entityManager, VerificationConfig config) {
        this.entityManager = entityManager;
        this.config = config.rateLimit();
    }

    /** Returns the windows a request counts against: per key, per user, or per client address when the caller is null. */
    public List<RateLimitWindow> windowsFor(Caller caller, String clientAddress) {
        if (caller == null) {
            return List.of(new RateLimitWindow("ip:" + clientAddress + ":" + HOUR, config.anonymousPerHour(), HOUR,
                    "per hour for requests without valid credentials from this address"));
        }
        if (caller.isApiKey()) {
            ApiKeyIntrospection key = caller.apiKey();
            int hourly = key.rateLimitPerHour() != null ? key.rateLimitPerHour() : config.apiKeyPerHour();
            int daily = key.rateLimitPerDay() != null ? key.rateLimitPerDay() : config.apiKeyPerDay();
            return List.of(
                    new RateLimitWindow("key:" + key.keyId() + ":" + HOUR, hourly, HOUR, "per hour for this API key"),
                    new RateLimitWindow("key:" + key.keyId() + ":" + DAY, daily, DAY, "per day for this API key"));
        }
        return List.of(
                new RateLimitWindow("user:" + caller.userId() + ":" + HOUR, config.userPerHour(), HOUR,
                        "per hour for this user"),
                new RateLimitWindow("user:" + caller.userId() + ":" + DAY, config.userPerDay(), DAY,
                        "per day for this user"));
    }

    /**
     * Counts one request in every window.
     *
     * @return the state of the window closest to its limit, for the response headers
     * @throws ProblemException 429 with Retry-After and RateLimit headers when a window is full;
     *     then the request is counted nowhere
     */
    @Transactional
    public RateLimitStatus consume(List<RateLimitWindow> windows) {
        Instant now = Instant.now();
        RateLimitStatus tightest = null;
        for (RateLimitWindow window : windows) {
            Instant start = window.start(now);
            Instant end = start.plus(window.length());
            long resetSeconds = Math.max(1, Duration.between(now, end).toSeconds() + 1);
            Integer count = increment(window, start, end);
            if (count == null) {
                RateLimitStatus exhausted = new RateLimitStatus(window.limit(), 0, resetSeconds);
                Map<String, String> headers = new HashMap<>(exhausted.headers());
                headers.put("Retry-After", Long.toString(resetSeconds));
                Log.debugf("Rate limit reached: %d requests %s (%s)", window.limit(), window.description(),
                        window.subject());
                // The exception rolls the transaction back, so the windows counted before this one are not charged.
                throw new ProblemException(ProblemType.RATE_LIMITED.problem("Rate limit reached: " + window.limit()
                        + " requests " + window.description() + ". Try again in " + resetSeconds + " seconds."),
                        headers);
            }
            RateLimitStatus status = new RateLimitStatus(window.limit(), window.limit() - count, resetSeconds);
            if (tightest == null || status.remaining() < tightest.remaining()) {
                tightest = status;
            }
        }
        return tightest;
    }

    /** Adds one to the window's counter and returns the new count, or null when the counter is at its limit. */
    private Integer increment(RateLimitWindow window, Instant start, Instant end) {
        // The WHERE clause of DO UPDATE leaves a full counter untouched, so RETURNING yields no row.
        List<?> rows = entityManager.createNativeQuery("""
                INSERT INTO rate_limit_windows (subject, window_start, window_end, request_count)
                VALUES (:subject, :start, :end, 1)
                ON CONFLICT (subject, window_start) DO UPDATE
                    SET request_count = rate_limit_windows.request_count + 1
                    WHERE rate_limit_windows.request_count < :limit
                RETURNING request_count
                """)
                .setParameter("subject", window.subject())
                .setParameter("start", start)
                .setParameter("end", end)
                .setParameter("limit", window.limit())
                .getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).intValue();
    }

    @Scheduled(every = "${certana.verification.rate-limit.purge-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteEndedWindows() {
        int deleted = entityManager.createNativeQuery("DELETE FROM rate_limit_windows WHERE window_end <= now()")
                .executeUpdate();
        if (deleted > 0) {
            Log.debugf("Deleted %d ended rate-limit windows", deleted);
        }
    }
}
