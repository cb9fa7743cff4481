package io.certana.verification.log;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.certana.verification.config.VerificationConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps the monthly partitions of {@code verification_logs} created ahead: the current month and
 * {@code certana.verification.logs.partitions-ahead} months after it, at start and then on a
 * schedule. Creation is idempotent ({@code CREATE TABLE IF NOT EXISTS … PARTITION OF}) and replicas
 * take turns through an advisory lock.
 *
 * <p>There is no DEFAULT partition: PostgreSQL refuses to create a month's partition while a
 * DEFAULT partition holds rows of that month, so one row written there would block the job until
 * someone moved it. When the job has not run in time, the log writer creates the missing month on
 * the spot instead ({@link VerificationLogWriter}).
 */
@ApplicationScoped
public class LogPartitions {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy_MM");
    /** Advisory lock key that serialises partition creation across replicas; any fixed value works. */
    private static final long LOCK_KEY = 0x7665726c6f677301L;

    private final EntityManager entityManager;
    private final int monthsAhead;

    public LogPartitions(EntityManager entityManager, VerificationConfig config) {
        this.entityManager = entityManager;
        this.monthsAhead = Math.max(0, config.logs().partitionsAhead());
    }

    void onStart(@Observes StartupEvent event) {
        ensureAhead();
    }

    @Scheduled(every = "${certana.verification.logs.partition-interval:24h}", delayed = "1h",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            ensureAhead();
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not create the verification_logs partitions ahead; the next run retries");
        }
    }

    /** Creates the partitions of the current month and the configured months after it. */
    @Transactional
    public void ensureAhead() {
        lock();
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        for (int i = 0; i <= monthsAhead; i++) {
            create(current.plusMonths(i));
        }
    }

    /** Creates the partition of one month if it does not exist. */
    @Transactional
    public void ensure(YearMonth month) {
        lock();
        create(month);
    }

    /** Returns the partition table's name for a month, such as {@code verification_logs_2026_12}. */
    public static String partitionName(YearMonth month) {
        return "verification_logs_" + month.format(NAME);
    }

    private void lock() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", LOCK_KEY)
                .getSingleResult();
    }

    private void create(YearMonth month) {
        LocalDate start = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        // Identifiers and bounds are formatted here from a YearMonth, never from input, so they are safe to inline.
        entityManager.createNativeQuery("CREATE TABLE IF NOT EXISTS " + partitionName(month)
                + " PARTITION OF verification_logs FOR VALUES FROM ('" + start + " 00:00:00+00') TO ('" + end
                + " 00:00:00+00')").executeUpdate();
        Log.debugf("Partition %s of verification_logs is in place", partitionName(month));
    }
}
