package io.certana.asset.storage;

import java.io.IOException;

import io.certana.asset.asset.AssetRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes blobs that no asset refers to any more, under the blob's lock. */
@ApplicationScoped
public class BlobCleaner {

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final BlobLocks locks;

    public BlobCleaner(AssetRepository assets, BlobStore blobs, BlobLocks locks) {
        this.assets = assets;
        this.blobs = blobs;
        this.locks = locks;
    }

    /**
     * Deletes the blob with this SHA-256 unless an asset refers to it as original or output.
     *
     * @return whether a file was deleted
     */
    public boolean deleteIfUnreferenced(String sha256Hex) throws IOException {
        String key = BlobStore.keyFor(sha256Hex);
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            locks.lock(sha256Hex);
            if (assets.referencesBlob(key)) {
                return false;
            }
            return blobs.delete(key);
        });
        if (deleted) {
            Log.debugf("Deleted blob %s", key);
        }
        return deleted;
    }
}
