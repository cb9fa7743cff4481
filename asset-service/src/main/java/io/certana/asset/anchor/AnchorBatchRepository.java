package io.certana.asset.anchor;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Batches, and the statements that put commitments into them and keep them in step with their anchor. */
@ApplicationScoped
public class AnchorBatchRepository implements PanacheRepositoryBase<AnchorBatch, UUID> {

    /**
     * A signed commitment waiting for a batch.
     *
     * @param commitmentHash SHA-256 of its payload, hex
     */
    public record Unbatched(UUID id, String commitmentHash, Instant createdAt) {
    }

    /** A commitment's place in its batch. */
    public record Leaf(UUID commitmentId, int leafIndex, byte[] auditPath) {
    }

    /**
     * Locks up to {@code limit} commitments that wait for a batch, oldest first (ties by id, so the
     * order is stable). {@code SKIP LOCKED} lets a concurrent batcher take the next ones instead of
     * the same, so no commitment lands in two batches; the batch columns are set before the locks go.
     */
    public List<Unbatched> lockUnbatched(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT id, commitment_hash, created_at FROM commitments
                WHERE batch_id IS NULL AND asset_id IS NOT NULL
                ORDER BY created_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""")
                .setParameter("limit", limit)
                .getResultList();
        List<Unbatched> unbatched = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            unbatched.add(new Unbatched((UUID) row[0], (String) row[1], instant(row[2])));
        }
        return unbatched;
    }

    /** Stores each commitment's batch, leaf index and audit path, in one JDBC batch. */
    public void assignLeaves(UUID batchId, String network, List<Leaf> leaves) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE commitments SET batch_id = ?, leaf_index = ?, audit_path = ?, blockchain_network = ?,
                           tx_hash = NULL, block_height = NULL, confirmation_status = 'pending', confirmed_at = NULL
                    WHERE id = ? AND batch_id IS NULL""")) {
                for (Leaf leaf : leaves) {
                    update.setObject(1, batchId);
                    update.setInt(2, leaf.leafIndex());
                    update.setBytes(3, leaf.auditPath());
                    update.setString(4, network);
                    update.setObject(5, leaf.commitmentId());
                    update.addBatch();
                }
                for (int count : update.executeBatch()) {
                    if (count != 1) {
                        throw new IllegalStateException("a locked commitment of batch " + batchId + " was not updated");
                    }
                }
            }
        });
    }

    /** Copies the current anchor's network, transaction, block and state to every commitment of its batch. */
    public void followAnchor(Anchor anchor) {
        getEntityManager().flush();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE commitments SET blockchain_network = ?, tx_hash = ?, block_height = ?,
                           confirmation_status = ?, confirmed_at = ?
                    WHERE batch_id = ?""")) {
                update.setString(1, anchor.network);
                update.setString(2, anchor.txHash);
                update.setObject(3, anchor.blockNumber, Types.BIGINT);
                update.setString(4, anchor.status);
                update.setObject(5, anchor.confirmedAt == null ? null : anchor.confirmedAt.atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                update.setObject(6, anchor.batchId);
                update.executeUpdate();
            }
        });
    }

    /** Reads a TIMESTAMPTZ column of a native query, which the JDBC driver may return in several types. */
    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
