package io.certana.identity.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.certana.identity.config.IdentityConfig;
import io.certana.identity.security.SecureTokens;
import io.certana.platform.problem.Problem;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Counts failed logins per email and per client address in fixed windows, in PostgreSQL so that
 * all replicas share the counters. An attempt counts from the start of its password check, and
 * it is taken back once the password matches. Once a counter reaches its limit, logins for that
 * email or from that address get 429 until the window ends, even with the right password.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager entityManager;
    private final IdentityConfig.Login config;

    public LoginThrottle(EntityManager entityManager, IdentityConfig config) {
        this.entityManager = entityManager;
        this.config = config.login();
    }

    /** Counter key of an email; the address is hashed so the table contains no emails of non-users. */
    public static String emailKey(String email) {
        return "email:" + SecureTokens.sha256Hex(email.trim().toLowerCase(Locale.ROOT));
    }

    public static String addressKey(String clientAddress) {
        return "ip:" + clientAddress;
    }

    /**
     * Counts a login attempt against the email and the address before its password is checked,
     * or throws 429 with Retry-After when either has used up its attempts. Each counter moves in
     * one conditional upsert, which locks its row, so logins sent in parallel at the limit cannot
     * all pass. A failed login leaves the attempt counted, and {@link #release} takes back one
     * whose password matched.
     */
    @Transactional
    public void reserveAttempt(String emailKey, String addressKey) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(config.failureWindow());
        long retryAfterSeconds = 0;
        int exhaustedLimit = 0;
        for (String key : List.of(emailKey, addressKey)) {
            int limit = key.equals(emailKey) ? config.maxFailuresPerEmail() : config.maxFailuresPerIp();
            long secondsLeft = reserve(key, limit, now, cutoff);
            if (secondsLeft > retryAfterSeconds) {
                retryAfterSeconds = secondsLeft;
                exhaustedLimit = limit;
            }
        }

        if (retryAfterSeconds > 0) {
            // Throwing rolls back the increment of the other counter too.
            // Retry-After plus the RateLimit-* headers that every Certana rate limit sends.
            Problem problem = ProblemType.RATE_LIMITED.problem("Too many failed logins for this account or address; "
                    + "try again in " + retryAfterSeconds + " seconds.");
            throw new ProblemException(problem, Map.of(
                    "Retry-After", Long.toString(retryAfterSeconds),
                    "RateLimit-Limit", Integer.toString(exhaustedLimit),
                    "RateLimit-Remaining", "0",
                    "RateLimit-Reset", Long.toString(retryAfterSeconds)));
        }
    }

    /**
     * Adds one attempt to a counter unless it has reached its limit, starting a new window where
     * the old one has ended.
     *
     * @return 0 when the attempt was counted, else the seconds until the counter's window ends
     */
    private long reserve(String key, int limit, Instant now, Instant cutoff) {
        // ON CONFLICT evaluates the CASE expressions and the WHERE clause against the newest row
        // version, after waiting for a concurrent upsert of the same key to commit. A window that
        // ended restarts at now with a count of one.
        @SuppressWarnings("unchecked")
        List<Object> counted = entityManager.createNativeQuery("""
                INSERT INTO login_failures (throttle_key, window_start, failures)
                VALUES (:key, :now, 1)
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN login_failures.window_start > :cutoff
                                    THEN login_failures.failures + 1 ELSE 1 END,
                    window_start = CASE WHEN login_failures.window_start > :cutoff
                                        THEN login_failures.window_start ELSE :now END
                WHERE login_failures.window_start <= :cutoff OR login_failures.failures < :limit
                RETURNING failures
                """)
                .setParameter("key", key)
                .setParameter("now", now)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
        if (!counted.isEmpty()) {
            return 0;
        }

        Number windowStartMillis = (Number) entityManager.createNativeQuery("""
                SELECT CAST(EXTRACT(EPOCH FROM window_start) * 1000 AS BIGINT)
                FROM login_failures WHERE throttle_key = :key
                """)
                .setParameter("key", key)
                .getSingleResult();
        Instant windowEnd = Instant.ofEpochMilli(windowStartMillis.longValue()).plus(config.failureWindow());
        return Math.max(1, Duration.between(now, windowEnd).toSeconds() + 1);
    }

    /** Takes back the attempt that {@link #reserveAttempt} counted, for a login whose password matched. */
    @Transactional
    public void release(String emailKey, String addressKey) {
        entityManager.createNativeQuery("""
                UPDATE login_failures SET failures = failures - 1
                WHERE throttle_key IN (:emailKey, :addressKey) AND failures > 0
                """)
                .setParameter("emailKey", emailKey)
                .setParameter("addressKey", addressKey)
                .executeUpdate();
    }

    /** Clears the email's counter after a successful login; the address counter keeps running. */
    @Transactional
    public void reset(String emailKey) {
        entityManager.createNativeQuery("DELETE FROM login_failures WHERE throttle_key = :key")
                .setParameter("key", emailKey)
                .executeUpdate();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteEndedWindows() {
        int deleted = entityManager.createNativeQuery("DELETE FROM login_failures WHERE window_start <= :cutoff")
                .setParameter("cutoff", Instant.now().minus(config.failureWindow()))
                .executeUpdate();
        if (deleted > 0) {
            Log.debugf("Deleted %d ended login failure windows", deleted);
        }
    }
}
