package io.certana.asset.asset.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import io.certana.asset.asset.Asset;
import io.certana.asset.asset.AssetRepository;
import io.certana.asset.asset.ProcessingStatus;
import io.certana.asset.config.AssetConfig;
import io.certana.asset.job.JobRepository;
import io.certana.asset.job.ProcessingJob;
import io.certana.asset.job.RegistrationStep;
import io.certana.asset.storage.BlobLocks;
import io.certana.asset.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The transactions of an upload: storing a new asset with its job, and restarting a failed one. */
@ApplicationScoped
public class AssetWriter {

    private final AssetRepository assets;
    private final JobRepository jobs;
    private final BlobStore blobs;
    private final BlobLocks locks;
    private final int maxAttempts;

    public AssetWriter(AssetRepository assets, JobRepository jobs, BlobStore blobs, BlobLocks locks,
            AssetConfig config) {
        this.assets = assets;
        this.jobs = jobs;
        this.blobs = blobs;
        this.locks = locks;
        this.maxAttempts = config.jobs().maxAttempts();
    }

    /**
     * Moves the uploaded file into the blob store and inserts the asset with a queued job. The
     * unique indexes on the content hash and CID decide a race between two uploads of the same
     * bytes: the loser's insert fails with a unique violation, and its blob is the winner's.
     */
    @Transactional
    public void insert(Asset asset, Path uploadedFile) throws IOException {
        locks.lock(asset.contentHash);
        asset.originalStorageKey = blobs.putFile(uploadedFile, asset.contentHash);
        assets.persist(asset);
        ProcessingJob job = new ProcessingJob();
        job.id = UUID.randomUUID();
        job.assetId = asset.id;
        job.status = ProcessingJob.QUEUED;
        job.step = RegistrationStep.METADATA.wireName();
        job.maxAttempts = maxAttempts;
        job.runAfter = asset.createdAt;
        job.createdAt = asset.createdAt;
        jobs.persist(job);
        assets.flush();
    }

    /**
     * Puts an upload back into the blob store when its bytes are a registered blob that has gone
     * missing there (storage lost or restored from an older backup). It runs under the blob's
     * lock and only while an asset still refers to the blob, so it cannot race a deletion.
     *
     * @return whether the blob was missing and has been restored
     */
    @Transactional
    public boolean restoreMissingBlob(String sha256Hex, Path uploadedFile) throws IOException {
        String key = BlobStore.keyFor(sha256Hex);
        locks.lock(sha256Hex);
        if (blobs.exists(key) || !assets.referencesBlob(key)) {
            return false;
        }
        blobs.putFile(uploadedFile, sha256Hex);
        return true;
    }

    /**
     * Queues a failed asset again from the step where it stopped, with the quota reserved anew.
     *
     * @return the asset, or null when it is no longer failed (another upload restarted it first)
     */
    @Transactional
    public Asset restart(UUID assetId, int uploadsReserved, long storageReserved) {
        Asset asset = assets.lock(assetId).orElse(null);
        if (asset == null || asset.status() != ProcessingStatus.FAILED) {
            return null;
        }
        asset.setStatus(ProcessingStatus.PENDING);
        asset.processingError = null;
        asset.quotaUploadsReserved = uploadsReserved;
        asset.quotaStorageReserved = storageReserved;
        asset.updatedAt = Instant.now();
        jobs.findByAsset(assetId).ifPresent(job -> jobs.restart(job.id, maxAttempts));
        return asset;
    }
}
