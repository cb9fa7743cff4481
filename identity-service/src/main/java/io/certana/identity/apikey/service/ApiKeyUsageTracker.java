package io.certana.identity.apikey.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps api_keys.last_used_at current without a database write per request: uses are collected in
 * memory and written by one batched UPDATE every {@code certana.identity.api-keys.last-used-flush-interval},
 * and once more at shutdown. A crash loses at most one interval of last-use times.
 */
@ApplicationScoped
public class ApiKeyUsageTracker {

    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
    private final AgroalDataSource dataSource;

    public ApiKeyUsageTracker(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Notes that the key was used now. */
    public void recordUse(UUID keyId) {
        pending.merge(keyId, Instant.now(), (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    @Scheduled(every = "${certana.identity.api-keys.last-used-flush-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFlush() {
        flush();
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        flush();
    }

    /**
     * Writes the collected last-use times in one UPDATE and returns how many keys it covered. On
     * failure the times go back into the buffer for the next run.
     */
    public synchronized int flush() {
        Map<UUID, Instant> batch = new HashMap<>();
        for (Map.Entry<UUID, Instant> entry : pending.entrySet()) {
            // remove(key, value) skips an entry that a concurrent use just updated; that newer
            // time stays in the buffer for the next flush.
            if (pending.remove(entry.getKey(), entry.getValue())) {
                batch.put(entry.getKey(), entry.getValue());
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            write(batch);
            Log.debugf("Wrote last_used_at of %d API keys", batch.size());
            return batch.size();
        } catch (SQLException e) {
            batch.forEach((keyId, usedAt) -> pending.merge(keyId, usedAt,
                    (current, restored) -> current.isAfter(restored) ? current : restored));
            Log.errorf(e, "Could not write last_used_at of %d API keys; retrying at the next flush", batch.size());
            return 0;
        }
    }

    private void write(Map<UUID, Instant> batch) throws SQLException {
        UUID[] ids = batch.keySet().toArray(UUID[]::new);
        Timestamp[] times = new Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = Timestamp.from(batch.get(ids[i]));
        }
        // unnest pairs the two arrays row by row; the guard keeps a newer time written by another
        // replica.
        String sql = """
                UPDATE api_keys SET last_used_at = used.at
                FROM unnest(?::uuid[], ?::timestamptz[]) AS used(id, at)
                WHERE api_keys.id = used.id AND (api_keys.last_used_at IS NULL OR api_keys.last_used_at < used.at)
                """;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Array idArray = connection.createArrayOf("uuid", ids);
            Array timeArray = connection.createArrayOf("timestamptz", times);
            statement.setArray(1, idArray);
            statement.setArray(2, timeArray);
            statement.executeUpdate();
        }
    }
}
