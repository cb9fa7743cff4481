package io.certana.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.certana.verification.config.VerificationConfig;
import io.certana.verification.log.LogPartitions;
import io.certana.verification.log.VerificationLog;
import io.certana.verification.log.VerificationLogWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The monthly partitions of verification_logs: kept created ahead by {@link LogPartitions}, and
 * created by {@link VerificationLogWriter} when a row arrives for a month that has none.
 */
@QuarkusTest
class LogPartitionsTest {

    @Inject
    LogPartitions partitions;

    @Inject
    VerificationLogWriter writer;

    @Inject
    VerificationConfig config;

    @Inject
    EntityManager entityManager;

    @Test
    void partitionsExistAheadOfTime() {
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        int monthsAhead = config.logs().partitionsAhead();
        List<String> existing = partitionNames();

        for (int i = 0; i <= monthsAhead; i++) {
            String name = LogPartitions.partitionName(current.plusMonths(i));
            assertTrue(existing.contains(name), name + " is missing; partitions: " + existing);
        }
    }

    @Test
    void ensureAheadRecreatesDroppedMonth() {
        YearMonth last = YearMonth.now(ZoneOffset.UTC).plusMonths(config.logs().partitionsAhead());
        String name = LogPartitions.partitionName(last);
        // The last month ahead contains no rows, because nothing is logged in the future.
        execute("DROP TABLE " + name);
        assertFalse(partitionNames().contains(name), name + " was not dropped");

        partitions.ensureAhead();
        partitions.ensureAhead();

        assertTrue(partitionNames().contains(name), name + " was not created again");
        assertEquals("FOR VALUES FROM ('" + last.atDay(1) + " 00:00:00+00') TO ('" + last.plusMonths(1).atDay(1)
                + " 00:00:00+00')", partitionBound(name), "bounds are the month's first instants in UTC");
    }

    @Test
    void insertCreatesMissingPartition() {
        YearMonth past = YearMonth.now(ZoneOffset.UTC).minusYears(5);
        String name = LogPartitions.partitionName(past);
        execute("DROP TABLE IF EXISTS " + name);
        // The last instant of the month, so a partition bound off by a time zone would reject the row.
        Instant createdAt = past.atEndOfMonth().atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC).minusNanos(999);
        VerificationLog log = TestLogs.unknownVerdict(UUID.randomUUID(), createdAt);

        writer.write(log);

        assertTrue(partitionNames().contains(name), name + " was not created; partitions: " + partitionNames());
        assertEquals(name, partitionOf(log.id), "the row's partition");
    }

    private List<String> partitionNames() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT child.relname FROM pg_inherits
                JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                WHERE parent.relname = 'verification_logs' AND parent.relnamespace = 'verification'::regnamespace
                ORDER BY child.relname
                """, String.class).getResultList());
    }

    /** Returns the partition's bound as PostgreSQL prints it with the session time zone set to UTC. */
    private String partitionBound(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("SET LOCAL TIME ZONE 'UTC'").executeUpdate();
            return (String) entityManager.createNativeQuery(
                    "SELECT pg_get_expr(relpartbound, oid) FROM pg_class "
                            + "WHERE relname = :name AND relnamespace = 'verification'::regnamespace", String.class)
                    .setParameter("name", name).getSingleResult();
        });
    }

    private String partitionOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT pg_class.relname FROM verification_logs JOIN pg_class ON pg_class.oid = verification_logs.tableoid "
                        + "WHERE verification_logs.id = :id", String.class)
                .setParameter("id", id).getSingleResult());
    }

    private void execute(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
