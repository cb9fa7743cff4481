package io.certana.asset.processing;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

import io.certana.asset.asset.Asset;
import io.certana.asset.asset.AssetRepository;
import io.certana.asset.asset.ProcessingStatus;
import io.certana.asset.commitment.CommitmentRepository;
import io.certana.asset.commitment.CommitmentSigner;
import io.certana.asset.commitment.SigningKey;
import io.certana.asset.commitment.SigningKeys;
import io.certana.asset.fingerprint.Fingerprint;
import io.certana.asset.fingerprint.FingerprintRepository;
import io.certana.asset.fingerprint.FingerprintValues;
import io.certana.asset.fingerprint.RegistrationMatcher;
import io.certana.asset.fingerprint.SimilaritySearch;
import io.certana.asset.job.AssetGoneException;
import io.certana.asset.job.JobRepository;
import io.certana.asset.job.LeaseLostException;
import io.certana.asset.job.RegistrationStep;
import io.certana.asset.watermark.AssetWatermark;
import io.certana.asset.watermark.AssetWatermarkRepository;
import io.certana.imaging.metadata.ImageMetadata;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.Track;
import io.certana.watermark.TrackDetection;
import io.certana.watermark.TrackQuality;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The database side of each registration step. Every method is one transaction that records the
 * step's result and advances the job to the next step, so either both happen or neither does. If
 * another worker has claimed the job meanwhile, the advance fails and the transaction rolls back.
 */
@ApplicationScoped
public class StepRecorder {

    /** Attempts to draw an unused payload; a collision among 2^64 values is already improbable. */
    private static final int PAYLOAD_DRAWS = 8;

    private final AssetRepository assets;
    private final AssetWatermarkRepository watermarks;
    private final FingerprintRepository fingerprints;
    private final CommitmentRepository commitments;
    private final JobRepository jobs;
    private final RegistrationMatcher matcher;
    private final SigningKeys signingKeys;
    private final CommitmentSigner signer;
    private final SimilaritySearch search;
    private final SecureRandom random = new SecureRandom();

    public StepRecorder(AssetRepository assets, AssetWatermarkRepository watermarks, FingerprintRepository fingerprints,
            CommitmentRepository commitments, JobRepository jobs, RegistrationMatcher matcher,
            SigningKeys signingKeys, CommitmentSigner signer, SimilaritySearch search) {
        this.assets = assets;
        this.watermarks = watermarks;
        this.fingerprints = fingerprints;
        this.commitments = commitments;
        this.jobs = jobs;
        this.matcher = matcher;
        this.signingKeys = signingKeys;
        this.signer = signer;
        this.search = search;
    }

    /** Marks the asset processing at the start of a run and returns it. */
    @Transactional
    public Asset begin(JobRepository.Claim claim) {
        Asset asset = lock(claim.assetId());
        if (asset.status() == ProcessingStatus.PENDING) {
            asset.setStatus(ProcessingStatus.PROCESSING);
            asset.updatedAt = Instant.now();
        }
        return asset;
    }

    /** Reads the asset as it is now. */
    @Transactional
    public Asset read(UUID assetId) {
        return assets.findByIdOptional(assetId).orElseThrow(() -> new AssetGoneException(assetId));
    }

    @Transactional
    public AssetWatermark watermark(UUID assetId) {
        return watermarks.findByAsset(assetId).orElseThrow(
                () -> new IllegalStateException("asset " + assetId + " has no watermark payload"));
    }

    @Transactional
    public Fingerprint fingerprint(UUID assetId) {
        return fingerprints.findByAsset(assetId).orElseThrow(
                () -> new IllegalStateException("asset " + assetId + " has no fingerprint"));
    }

    @Transactional
    public FingerprintValues fingerprintValues(UUID fingerprintId) {
        return fingerprints.loadValues(fingerprintId);
    }

    @Transactional
    public void recordMetadata(RegistrationRun run, ImageMetadata metadata) {
        Asset asset = lock(run.assetId());
        asset.exifMetadata = JsonbText.clean(metadata.exif());
        asset.tiffMetadata = JsonbText.clean(metadata.tiff());
        asset.c2paMetadata = JsonbText.clean(metadata.c2pa());
        asset.updatedAt = Instant.now();
        advance(run, RegistrationStep.PAYLOAD);
    }

    /**
     * Draws the asset's 64-bit payload from SecureRandom and stores it before anything is embedded,
     * so that a retried job embeds the same payload. The unique index on the payload rejects a
     * value another asset holds, and another is drawn.
     *
     * @param trackCBits the bits Track C carries for a payload, or null when Track C is not configured
     */
    @Transactional
    public void recordPayload(RegistrationRun run, LongFunction<byte[]> trackCBits) {
        lock(run.assetId());
        if (watermarks.findByAsset(run.assetId()).isEmpty()) {
            boolean stored = false;
            for (int draw = 0; draw < PAYLOAD_DRAWS && !stored; draw++) {
                long payload = random.nextLong();
                stored = watermarks.insertPayload(UUID.randomUUID(), run.assetId(), payload,
                        trackCBits.apply(payload));
            }
            if (!stored) {
                throw new IllegalStateException("no unused watermark payload found in " + PAYLOAD_DRAWS + " draws");
            }
        }
        advance(run, RegistrationStep.WATERMARK);
    }

    /** Records the stored output and the embedding's quality. */
    @Transactional
    public void recordOutput(RegistrationRun run, StoredOutput output) {
        Asset asset = lock(run.assetId());
        asset.watermarkedCid = output.ids().rawCid();
        asset.watermarkedIpfsCid = output.ids().unixfsCid();
        asset.watermarkedContentHash = output.ids().sha256();
        asset.watermarkedSizeBytes = output.ids().size();
        asset.watermarkedMimeType = output.mediaType();
        asset.watermarkedStorageKey = output.storageKey();
        asset.quotaStorageReserved += output.quotaReserved();
        asset.updatedAt = Instant.now();

        AssetWatermark watermark = watermarks.findByAsset(run.assetId()).orElseThrow();
        watermark.tracksEmbedded = output.tracks().stream().map(Track::name).sorted().toArray(String[]::new);
        byte[] payloadBytes = ByteBuffer.allocate(Long.BYTES).putLong(watermark.payload).array();
        watermark.trackAPayload = output.tracks().contains(Track.A) ? payloadBytes : null;
        watermark.trackBPayload = output.tracks().contains(Track.B) ? payloadBytes : null;
        watermark.trackAPsnr = psnr(output, Track.A);
        watermark.trackBPsnr = psnr(output, Track.B);
        watermark.trackCPsnr = psnr(output, Track.C);
        watermark.psnr = output.embedding().psnrDb();
        TrackQuality robust = output.embedding().quality().get(Track.B);
        watermark.embeddingStrength = robust == null ? null : robust.strength();
        watermark.updatedAt = Instant.now();
        advance(run, RegistrationStep.FINGERPRINT);
    }

    /**
     * Records what detection found in the stored output and inserts the fingerprints.
     *
     * @return the fingerprint row's id
     */
    @Transactional
    public UUID recordFingerprint(RegistrationRun run, DetectionResult detection, FingerprintValues values) {
        lock(run.assetId());
        AssetWatermark watermark = watermarks.findByAsset(run.assetId()).orElseThrow();
        boolean embeddedA = contains(watermark.tracksEmbedded, Track.A);
        boolean embeddedB = contains(watermark.tracksEmbedded, Track.B);
        boolean embeddedC = contains(watermark.tracksEmbedded, Track.C);
        TrackDetection a = detection.track(Track.A);
        TrackDetection b = detection.track(Track.B);
        TrackDetection c = detection.track(Track.C);
        // A track counts as detected only when it carries this asset's own payload.
        watermark.trackADetected = embeddedA ? carries(a, watermark.payload) : null;
        watermark.trackBDetected = embeddedB ? carries(b, watermark.payload) : null;
        watermark.trackCDetected = embeddedC ? c.detected() && c.bits()
                .map(bits -> Arrays.equals(TrackCBits.toBytes(bits), watermark.trackCPayload)).orElse(false) : null;
        watermark.trackAConfidence = embeddedA ? a.confidence() : null;
        watermark.trackBConfidence = embeddedB ? b.confidence() : null;
        watermark.trackCConfidence = embeddedC ? c.confidence() : null;
        watermark.robustnessScore = embeddedB ? b.confidence() : null;
        watermark.recoveredPayload = b.payload().isPresent()
                ? ByteBuffer.allocate(Long.BYTES).putLong(b.payload().getAsLong()).array()
                : null;
        watermark.detectedAt = Instant.now();
        watermark.updatedAt = watermark.detectedAt;

        UUID fingerprintId = fingerprints.insert(run.assetId(), values, search.settings().clipMinSimilarity());
        advance(run, RegistrationStep.MATCH);
        return fingerprintId;
    }

    /** Finds and records the near-duplicates of the asset among all others; returns how many. */
    @Transactional
    public int recordMatches(RegistrationRun run) {
        lock(run.assetId());
        int matched = matcher.recordMatches(run.assetId(), run.fingerprintId, run.fingerprint);
        advance(run, RegistrationStep.COMMIT);
        return matched;
    }

    /**
     * Signs the commitment with the organization's key under {@code keyRef} (created on first use),
     * marks the asset completed and ends the job.
     */
    @Transactional
    public void commit(RegistrationRun run, String keyRef) {
        Asset asset = lock(run.assetId());
        if (commitments.findByAsset(asset.id).isEmpty()) {
            AssetWatermark watermark = watermarks.findByAsset(asset.id).orElseThrow();
            Fingerprint fingerprint = fingerprints.findByAsset(asset.id).orElseThrow();
            SigningKey key = signingKeys.keyFor(asset.organizationId, keyRef);
            CommitmentSigner.Fields fields = new CommitmentSigner.Fields(asset.id, asset.organizationId,
                    asset.contentHash, asset.cid, asset.watermarkedCid, fingerprint.pdqHash,
                    HexFormat.of().toHexDigits(watermark.payload), asset.createdAt);
            commitments.persist(signer.sign(fields, key));
        }
        asset.setStatus(ProcessingStatus.COMPLETED);
        asset.processingError = null;
        asset.updatedAt = Instant.now();
        if (!jobs.complete(run.claim.id(), run.workerId)) {
            throw new LeaseLostException(run.claim.id(), run.workerId);
        }
    }

    /**
     * Ends the job and the asset as failed, and hands back the quota the asset held (zeroed here) so
     * the caller releases it after the commit.
     *
     * @return the asset before its reservations were zeroed, or empty when it was deleted
     */
    @Transactional
    public Optional<Asset> fail(JobRepository.Claim claim, String workerId, String error) {
        Optional<Asset> found = assets.lock(claim.assetId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!jobs.fail(claim.id(), workerId, error)) {
            throw new LeaseLostException(claim.id(), workerId);
        }
        Asset asset = found.get();
        Asset before = new Asset();
        before.id = asset.id;
        before.organizationId = asset.organizationId;
        before.quotaUploadsReserved = asset.quotaUploadsReserved;
        before.quotaStorageReserved = asset.quotaStorageReserved;
        asset.setStatus(ProcessingStatus.FAILED);
        asset.processingError = error;
        asset.quotaUploadsReserved = 0;
        asset.quotaStorageReserved = 0;
        asset.updatedAt = Instant.now();
        return Optional.of(before);
    }

    private Asset lock(UUID assetId) {
        return assets.lock(assetId).orElseThrow(() -> new AssetGoneException(assetId));
    }

    private void advance(RegistrationRun run, RegistrationStep next) {
        if (!jobs.advance(run.claim.id(), run.workerId, next)) {
            throw new LeaseLostException(run.claim.id(), run.workerId);
        }
    }

    private static Double psnr(StoredOutput output, Track track) {
        TrackQuality quality = output.embedding().quality().get(track);
        return quality == null ? null : quality.psnrDb();
    }

    private static boolean carries(TrackDetection detection, long payload) {
        return detection.detected() && detection.payload().isPresent() && detection.payload().getAsLong() == payload;
    }

    private static boolean contains(String[] tracks, Track track) {
        for (String name : tracks) {
            if (name.equals(track.name())) {
                return true;
            }
        }
        return false;
    }
}
