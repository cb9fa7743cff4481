package io.certana.asset.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Serialises the code paths that create and delete one blob, with a PostgreSQL transaction-level
 * advisory lock on the blob's SHA-256. An upload stores the blob and inserts the row that refers
 * to it under the lock. A deletion checks for referring rows and deletes the blob under the lock.
 * So a deletion never removes a blob that a concurrent upload of the same bytes is about to use.
 */
@ApplicationScoped
public class BlobLocks {

    private final EntityManager entityManager;

    public BlobLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes the lock of the blob with this SHA-256 until the current transaction ends. */
    public void lock(String sha256Hex) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "blob:" + sha256Hex)
                .getSingleResult();
    }
}
