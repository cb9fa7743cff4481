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
 * all replicas share the counters. Once a counter reaches its limit, logins for that email or from
 * that address get 429 until the window ends, even with the right password.
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

    /** Throws 429 with Retry-After when the email or the address has used up its failures. */
    // NOTE: the check and the later recordFailure are separate statements, so N logins sent in
    // parallel at the limit can each pass the check: the limit is exact only for sequential attempts.
    @Transactional
    public void checkAllowed(String emailKey, String addressKey) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(config.failureWindow());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT throttle_key, failures, CAST(EXTRACT(EPOCH FROM window_start) * 1000 AS BIGINT)
                FROM login_failures
                WHERE throttle_key IN (:emailKey, :addressKey) AND window_start > :cutoff
                """)
                .setParameter("emailKey", emailKey)
                .setParameter("addressKey", addressKey)
                .setParameter("cutoff", cutoff)
                .getResultList();

        long retryAfterSeconds = 0;
        int exhaustedLimit = 0;
        for (Object[] row : rows) {
            String key = (String) row[0];
            int failures = ((Number) row[1]).intValue();
            int limit = key.equals(emailKey) ? config.maxFailuresPerEmail() : config.maxFailuresPerIp();
            if (failures >= limit) {
                Instant windowEnd = Instant.ofEpochMilli(((Number) row[2]).longValue()).plus(config.failureWindow());
                long secondsLeft = Duration.between(now, windowEnd).toSeconds() + 1;
                if (secondsLeft > retryAfterSeconds) {
                    retryAfterSeconds = secondsLeft;
                    exhaustedLimit = limit;
                }
            }
        }
        if (retryAfterSeconds > 0) {
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

    /** Adds one failure to both counters, starting a new window where the old one has ended. */
    @Transactional
    public void recordFailure(String emailKey, String addressKey) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(config.failureWindow());
        for (String key : List.of(emailKey, addressKey)) {
            // ON CONFLICT evaluates both CASE expressions against the old row, so a window that
            // ended restarts at now with a count of one.
            entityManager.createNativeQuery("""
                    INSERT INTO login_failures (throttle_key, window_start, failures)
                    VALUES (:key, :now, 1)
                    ON CONFLICT (throttle_key) DO UPDATE SET
                        failures = CASE WHEN login_failures.window_start > :cutoff
                                        THEN login_failures.failures + 1 ELSE 1 END,
                        window_start = CASE WHEN login_failures.window_start > :cutoff
                                            THEN login_failures.window_start ELSE :now END
                    """)
                    .setParameter("key", key)
                    .setParameter("now", now)
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
        }
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
