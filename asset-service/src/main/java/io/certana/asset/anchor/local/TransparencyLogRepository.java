package io.certana.asset.anchor.local;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The SQL of the transparency log's tables. Each method is one statement in the caller's
 * transaction; nothing here updates or deletes, and the tables' triggers reject it anyway.
 */
@ApplicationScoped
public class TransparencyLogRepository {

    /**
     * A stored signed tree head.
     *
     * @param timestampMs the signed timestamp, milliseconds since the Unix epoch
     */
    public record StoredTreeHead(long treeSize, byte[] rootHash, long timestampMs, byte[] signature, UUID logKeyId) {
    }

    /**
     * The log's signing key.
     *
     * @param publicKey SubjectPublicKeyInfo, DER
     * @param wrappedPrivateKey PKCS #8, wrapped under the master key
     */
    public record StoredKey(UUID id, String keyRef, byte[] publicKey, byte[] wrappedPrivateKey, String masterKeyId) {
    }

    private final EntityManager entityManager;

    public TransparencyLogRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Serializes appends until the transaction ends. SHARE ROW EXCLUSIVE conflicts with itself and
     * with writes, but not with reads, so proofs and tree heads are served while an append runs.
     */
    public void lockForAppend() {
        entityManager.createNativeQuery("LOCK TABLE transparency_log_entries IN SHARE ROW EXCLUSIVE MODE")
                .executeUpdate();
    }

    /** Returns the number of entries, which is also the index the next entry gets. */
    public long size() {
        Number size = (Number) entityManager.createNativeQuery(
                "SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM transparency_log_entries").getSingleResult();
        return size.longValue();
    }

    public void insertEntry(long leafIndex, byte[] batchRoot) {
        entityManager.createNativeQuery("INSERT INTO transparency_log_entries (leaf_index, batch_root) VALUES (:index, :root)")
                .setParameter("index", leafIndex)
                .setParameter("root", batchRoot)
                .executeUpdate();
    }

    /** Returns the first entry with this batch root, if any. */
    public Optional<Long> findIndexByRoot(byte[] batchRoot) {
        @SuppressWarnings("unchecked")
        List<Number> rows = entityManager.createNativeQuery(
                "SELECT leaf_index FROM transparency_log_entries WHERE batch_root = :root ORDER BY leaf_index LIMIT 1")
                .setParameter("root", batchRoot)
                .getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    public Optional<byte[]> findEntry(long leafIndex) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = entityManager.createNativeQuery(
                "SELECT batch_root FROM transparency_log_entries WHERE leaf_index = :index")
                .setParameter("index", leafIndex)
                .getResultList();
        return rows.stream().findFirst();
    }

    public Optional<byte[]> findSubtree(int level, long position) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = entityManager.createNativeQuery(
                "SELECT hash FROM transparency_log_subtrees WHERE level = :level AND position = :position")
                .setParameter("level", (short) level)
                .setParameter("position", position)
                .getResultList();
        return rows.stream().findFirst();
    }

    public void insertSubtree(int level, long position, byte[] hash) {
        entityManager.createNativeQuery(
                "INSERT INTO transparency_log_subtrees (level, position, hash) VALUES (:level, :position, :hash)")
                .setParameter("level", (short) level)
                .setParameter("position", position)
                .setParameter("hash", hash)
                .executeUpdate();
    }

    public Optional<StoredTreeHead> latestTreeHead() {
        return treeHeads("ORDER BY tree_size DESC LIMIT 1", null);
    }

    public Optional<StoredTreeHead> findTreeHead(long treeSize) {
        return treeHeads("WHERE tree_size = :size", treeSize);
    }

    /**
     * Stores a tree head unless one of that size exists: a log signs each size once, so replicas that
     * publish the same size concurrently keep the first head.
     */
    public void insertTreeHeadIfAbsent(StoredTreeHead head) {
        entityManager.createNativeQuery("""
                INSERT INTO transparency_log_tree_heads (tree_size, root_hash, timestamp_ms, signature, log_key_id)
                VALUES (:size, :root, :timestamp, :signature, :key)
                ON CONFLICT (tree_size) DO NOTHING""")
                .setParameter("size", head.treeSize())
                .setParameter("root", head.rootHash())
                .setParameter("timestamp", head.timestampMs())
                .setParameter("signature", head.signature())
                .setParameter("key", head.logKeyId())
                .executeUpdate();
    }

    public Optional<StoredKey> findKey(String keyRef) {
        return keys("WHERE key_ref = :value", keyRef);
    }

    public Optional<StoredKey> findKey(UUID id) {
        return keys("WHERE id = :value", id);
    }

    /** Inserts a key unless one with the same reference exists; the unique index decides concurrent first uses. */
    public void insertKeyIfAbsent(StoredKey key) {
        entityManager.createNativeQuery("""
                INSERT INTO transparency_log_keys (id, key_ref, public_key, wrapped_private_key, master_key_id)
                VALUES (:id, :keyRef, :publicKey, :wrapped, :masterKeyId)
                ON CONFLICT (key_ref) DO NOTHING""")
                .setParameter("id", key.id())
                .setParameter("keyRef", key.keyRef())
                .setParameter("publicKey", key.publicKey())
                .setParameter("wrapped", key.wrappedPrivateKey())
                .setParameter("masterKeyId", key.masterKeyId())
                .executeUpdate();
    }

    private Optional<StoredTreeHead> treeHeads(String condition, Long treeSize) {
        var query = entityManager.createNativeQuery(
                "SELECT tree_size, root_hash, timestamp_ms, signature, log_key_id FROM transparency_log_tree_heads "
                        + condition);
        if (treeSize != null) {
            query.setParameter("size", treeSize);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> new StoredTreeHead(((Number) row[0]).longValue(), (byte[]) row[1],
                ((Number) row[2]).longValue(), (byte[]) row[3], (UUID) row[4]));
    }

    private Optional<StoredKey> keys(String condition, Object value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT id, key_ref, public_key, wrapped_private_key, master_key_id FROM transparency_log_keys " + condition)
                .setParameter("value", value)
                .getResultList();
        return rows.stream().findFirst().map(row -> new StoredKey((UUID) row[0], (String) row[1], (byte[]) row[2],
                (byte[]) row[3], (String) row[4]));
    }
}
