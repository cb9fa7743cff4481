package io.certana.asset.asset.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.certana.asset.asset.Asset;
import io.certana.asset.asset.AssetRepository;
import io.certana.asset.asset.ProcessingStatus;
import io.certana.asset.config.AssetConfig;
import io.certana.asset.job.JobWorkerPool;
import io.certana.asset.processing.DecodedImageHandoff;
import io.certana.asset.quota.QuotaClient;
import io.certana.asset.quota.QuotaRequest;
import io.certana.imaging.cid.ContentIdentifierCalculator;
import io.certana.imaging.cid.ContentIdentifiers;
import io.certana.platform.auth.Caller;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;
import io.certana.platform.problem.UniqueViolations;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accepts uploads. The steps, in order:
 *
 * <ol>
 *   <li>the byte limit;</li>
 *   <li>SHA-256 and CIDs, streamed from the spooled file;</li>
 *   <li>the lookup of the same bytes: the organization's own asset comes back as it is, and another
 *       organization's gives 409;</li>
 *   <li>the image check;</li>
 *   <li>the quota reservation;</li>
 *   <li>one transaction that moves the file into the blob store and inserts the asset with its
 *       queued job.</li>
 * </ol>
 *
 * <p>Nothing is stored before the quota is reserved, and a reservation that does not end in a new
 * asset is released.
 */
@ApplicationScoped
public class RegistrationService {

    private final AssetRepository assets;
    private final AssetWriter writer;
    private final UploadCheck check;
    private final ContentIdentifierCalculator identifiers;
    private final QuotaClient quota;
    private final JobWorkerPool workers;
    private final DecodedImageHandoff handoff;
    private final MeterRegistry metrics;
    private final long maxBytes;

    public RegistrationService(AssetRepository assets, AssetWriter writer, UploadCheck check,
            ContentIdentifierCalculator identifiers, QuotaClient quota, JobWorkerPool workers,
            DecodedImageHandoff handoff, MeterRegistry metrics, AssetConfig config) {
        this.assets = assets;
        this.writer = writer;
        this.check = check;
        this.identifiers = identifiers;
        this.quota = quota;
        this.workers = workers;
        this.handoff = handoff;
        this.metrics = metrics;
        this.maxBytes = config.upload().maxBytes().asLongValue();
    }

    /**
     * Registers an upload for the caller's organization.
     *
     * @throws AlreadyRegisteredException 409 when another organization registered the bytes
     * @throws ProblemException 400, 413, 415 or 422 for a rejected file, 503 when storage or a
     *     check slot is unavailable
     * @throws io.certana.asset.quota.QuotaExceededException 429 when the quota is used up
     * @throws io.certana.asset.quota.QuotaUnavailableException 503 when the quota cannot be reserved
     */
    public RegistrationOutcome register(OrganizationAccess access, Caller caller, NewUpload upload) throws IOException {
        UUID organizationId = access.organizationId();
        long size = Files.size(upload.file());
        if (size > maxBytes) {
            throw ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The file has " + size + " bytes; uploads may have at most " + maxBytes + " bytes.");
        }
        if (size == 0) {
            throw new ProblemException(400, ImageProblems.CORRUPT_IMAGE, "Corrupt image", "The uploaded file is empty (0 bytes).");
        }
        ContentIdentifiers ids = identifiers.compute(upload.file());

        Optional<RegistrationOutcome> existing = findExisting(organizationId, ids, upload.file());
        if (existing.isPresent()) {
            return existing.get();
        }

        UploadCheck.ImageFacts facts = check.check(upload.file());
        Asset asset = newAsset(organizationId, caller, upload, ids, facts);
        QuotaRequest reservation = new QuotaRequest(1, size, asset.id);
        quota.reserve(organizationId, reservation);
        if (quota.enabled()) {
            asset.quotaUploadsReserved = 1;
            asset.quotaStorageReserved = size;
        }

        // Offered before the insert, because a worker may claim the job as soon as it is committed.
        handoff.offer(asset.id, facts.image());
        try {
            writer.insert(asset, upload.file());
        } catch (IOException | UncheckedIOException e) {
            handoff.take(asset.id);
            quota.release(organizationId, reservation);
            Log.errorf(e, "Could not store the upload %s of organization %s", ids.sha256(), organizationId);
            throw ProblemException.serviceUnavailable("The upload could not be stored. Try again shortly.");
        } catch (RuntimeException e) {
            handoff.take(asset.id);
            quota.release(organizationId, reservation);
            if (UniqueViolations.isUniqueViolation(e)) {
                // A concurrent upload of the same bytes won the unique index: respond as if it had come first.
                Log.debugf("Upload of %s to organization %s lost the race to another upload", ids.sha256(), organizationId);
                return findExisting(organizationId, ids, upload.file()).orElseThrow(() -> e);
            }
            throw e;
        }
        metrics.counter("certana.asset.uploads", "outcome", "accepted").increment();
        Log.infof("Registered asset %s (%s, %d bytes, %d × %d) for organization %s; job queued", asset.id,
                facts.mediaType(), size, facts.width(), facts.height(), organizationId);
        workers.wakeUp();
        return new RegistrationOutcome(asset, true);
    }

    /**
     * Looks the bytes up among registered originals and watermarked outputs. The organization's own
     * asset is returned as it is, or queued again when its registration had failed; another
     * organization's raises 409. When the organization's own blob of these bytes is missing from
     * storage, the upload restores it.
     */
    private Optional<RegistrationOutcome> findExisting(UUID organizationId, ContentIdentifiers ids, Path uploadedFile) {
        Optional<Asset> original = QuarkusTransaction.requiringNew()
                .call(() -> assets.findByOriginal(ids.sha256(), ids.rawCid()));
        if (original.isPresent()) {
            Asset asset = original.get();
            if (!asset.organizationId.equals(organizationId)) {
                metrics.counter("certana.asset.uploads", "outcome", "conflict").increment();
                throw new AlreadyRegisteredException("These bytes were registered by another organization, "
                        + "which keeps the claim.", asset.cid);
            }
            restoreMissingBlob(asset, "original", ids.sha256(), uploadedFile);
            if (asset.status() == ProcessingStatus.FAILED) {
                return Optional.of(restartFailed(asset));
            }
            metrics.counter("certana.asset.uploads", "outcome", "existing").increment();
            return Optional.of(new RegistrationOutcome(asset, false));
        }
        Optional<Asset> output = QuarkusTransaction.requiringNew()
                .call(() -> assets.findByContentHash(ids.sha256()).stream().findFirst());
        if (output.isPresent()) {
            Asset asset = output.get();
            if (!asset.organizationId.equals(organizationId)) {
                metrics.counter("certana.asset.uploads", "outcome", "conflict").increment();
                throw new AlreadyRegisteredException("These bytes are the watermarked output of an asset registered "
                        + "by another organization, which keeps the claim.", ids.rawCid());
            }
            restoreMissingBlob(asset, "watermarked output", ids.sha256(), uploadedFile);
            metrics.counter("certana.asset.uploads", "outcome", "existing").increment();
            return Optional.of(new RegistrationOutcome(asset, false));
        }
        return Optional.empty();
    }

    /**
     * Restores the blob of these bytes from the upload when it is missing from storage. A failure
     * is logged and leaves the asset as it was, because the upload succeeds either way.
     */
    private void restoreMissingBlob(Asset asset, String blobKind, String sha256Hex, Path uploadedFile) {
        if (!Files.exists(uploadedFile)) {
            return;
        }
        try {
            if (writer.restoreMissingBlob(sha256Hex, uploadedFile)) {
                metrics.counter("certana.asset.blobs.restored").increment();
                Log.warnf("Restored the missing %s of asset %s (SHA-256 %s) from a new upload of its bytes", blobKind,
                        asset.id, sha256Hex);
            }
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Could not restore the missing %s of asset %s (SHA-256 %s) from a new upload", blobKind,
                    asset.id, sha256Hex);
        }
    }

    /** Queues a failed asset again after a new upload of its bytes, with its quota reserved anew. */
    private RegistrationOutcome restartFailed(Asset failed) {
        QuotaRequest reservation = new QuotaRequest(1, failed.fileSizeBytes, failed.id);
        quota.reserve(failed.organizationId, reservation);
        int uploads = quota.enabled() ? 1 : 0;
        long storage = quota.enabled() ? failed.fileSizeBytes : 0;
        Asset restarted = writer.restart(failed.id, uploads, storage);
        if (restarted == null) {
            quota.release(failed.organizationId, reservation);
            Asset current = assets.findByIdOptional(failed.id).orElseThrow(
                    () -> ProblemException.conflict("The asset was deleted while it was uploaded again; upload once more."));
            return new RegistrationOutcome(current, false);
        }
        Log.infof("Queued failed asset %s of organization %s again after a new upload of its bytes", failed.id,
                failed.organizationId);
        metrics.counter("certana.asset.uploads", "outcome", "restarted").increment();
        workers.wakeUp();
        return new RegistrationOutcome(restarted, true);
    }

    private static Asset newAsset(UUID organizationId, Caller caller, NewUpload upload, ContentIdentifiers ids,
            UploadCheck.ImageFacts facts) {
        Asset asset = new Asset();
        asset.id = UUID.randomUUID();
        asset.organizationId = organizationId;
        asset.createdBy = caller.userId();
        asset.createdByApiKey = caller.apiKeyId().orElse(null);
        asset.cid = ids.rawCid();
        asset.contentHash = ids.sha256();
        asset.ipfsCid = ids.unixfsCid();
        asset.originalFilename = upload.originalFilename();
        asset.mimeType = facts.mediaType();
        asset.fileSizeBytes = ids.size();
        asset.width = facts.width();
        asset.height = facts.height();
        asset.title = upload.title();
        asset.description = upload.description();
        asset.tags = upload.tags().toArray(String[]::new);
        asset.setStatus(ProcessingStatus.PENDING);
        // Millisecond precision: the commitment signs this time in RFC 3339 with milliseconds.
        asset.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return asset;
    }
}
