package io.certana.verification.log;

import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes one log row per verification request in its own transaction, so a failed verification is
 * logged as well as a successful one. When the row's month has no partition yet (the scheduled job
 * did not run in time), the partition is created and the insert repeated once.
 */
@ApplicationScoped
public class VerificationLogWriter {

    /** SQLSTATE of "no partition of relation … found for row" (check_violation, PostgreSQL 15). */
    private static final String CHECK_VIOLATION = "23514";

    private final VerificationLogRepository repository;
    private final LogPartitions partitions;

    public VerificationLogWriter(VerificationLogRepository repository, LogPartitions partitions) {
        this.repository = repository;
        this.partitions = partitions;
    }

    /** Inserts the row; failures are logged with the verification id and not thrown, so the client still gets its answer. */
    public void write(VerificationLog log) {
        try {
            insert(log);
        } catch (RuntimeException e) {
            if (!missingPartition(e)) {
                Log.errorf(e, "Verification %s: the log row could not be written", log.id);
                return;
            }
            YearMonth month = YearMonth.from(log.createdAt.atZone(ZoneOffset.UTC));
            Log.warnf("Verification %s: no partition for %s yet, creating it", log.id, month);
            try {
                partitions.ensure(month);
                insert(log);
            } catch (RuntimeException retry) {
                Log.errorf(retry, "Verification %s: the log row could not be written after creating partition %s",
                        log.id, LogPartitions.partitionName(month));
            }
        }
    }

    private void insert(VerificationLog log) {
        QuarkusTransaction.requiringNew().run(() -> {
            repository.persist(log);
            repository.flush();
        });
    }

    private static boolean missingPartition(Throwable error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CHECK_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("no partition")) {
                return true;
            }
        }
        return false;
    }
}
