package io.certana.asset.asset.service;

import java.io.IOException;
import java.util.UUID;

import io.certana.asset.asset.Asset;
import io.certana.asset.asset.AssetRepository;
import io.certana.asset.commitment.CommitmentRepository;
import io.certana.asset.quota.QuotaClient;
import io.certana.asset.quota.QuotaRequest;
import io.certana.asset.storage.BlobCleaner;
import io.certana.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes an asset. Its row goes first, and with it, through the schema's cascades, its watermark,
 * fingerprints, matches and job. Its commitment is deleted too, unless it is in an anchor batch:
 * then it stays as a tombstone with its hash, because the batch's other proofs depend on it. Then
 * the blobs no other asset refers to are deleted, and the quota the asset held is released. A worker still running the asset's job finds the asset
 * gone at its next write and stops.
 */
@ApplicationScoped
public class AssetDeletion {

    private final AssetRepository assets;
    private final CommitmentRepository commitments;
    private final BlobCleaner cleaner;
    private final QuotaClient quota;

    public AssetDeletion(AssetRepository assets, CommitmentRepository commitments, BlobCleaner cleaner, QuotaClient quota) {
        this.assets = assets;
        this.commitments = commitments;
        this.cleaner = cleaner;
        this.quota = quota;
    }

    public void delete(UUID organizationId, UUID assetId) {
        Asset deleted = QuarkusTransaction.requiringNew().call(() -> {
            Asset asset = assets.lock(assetId)
                    .filter(found -> found.organizationId.equals(organizationId))
                    .orElseThrow(() -> ProblemException.notFound("Asset " + assetId + " not found."));
            commitments.releaseForDeletedAsset(assetId);
            assets.delete(asset);
            return asset;
        });
        Log.infof("Deleted asset %s of organization %s", assetId, organizationId);
        try {
            cleaner.deleteIfUnreferenced(deleted.contentHash);
            if (deleted.watermarkedContentHash != null) {
                cleaner.deleteIfUnreferenced(deleted.watermarkedContentHash);
            }
        } catch (IOException e) {
            // NOTE: a blob left behind here is only reclaimed when the same bytes are stored and deleted again.
            Log.errorf(e, "Could not delete the stored files of deleted asset %s", assetId);
        }
        quota.release(organizationId, new QuotaRequest(deleted.quotaUploadsReserved, deleted.quotaStorageReserved,
                assetId));
    }
}
