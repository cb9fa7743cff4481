package io.certana.asset.processing;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.EnumSet;
import java.util.Set;

import io.certana.embedding.EmbeddingModels;
import io.certana.asset.asset.Asset;
import io.certana.asset.commitment.OrganizationKeyRefs;
import io.certana.asset.commitment.SigningKeyUnavailableException;
import io.certana.asset.config.AssetConfig;
import io.certana.asset.fingerprint.FingerprintValues;
import io.certana.asset.job.AssetGoneException;
import io.certana.asset.job.JobRepository;
import io.certana.asset.job.RegistrationFailure;
import io.certana.asset.job.RegistrationStep;
import io.certana.asset.quota.QuotaClient;
import io.certana.asset.quota.QuotaExceededException;
import io.certana.asset.quota.QuotaRequest;
import io.certana.asset.storage.BlobCleaner;
import io.certana.asset.storage.BlobStore;
import io.certana.asset.watermark.AssetWatermark;
import io.certana.imaging.cid.ContentIdentifierCalculator;
import io.certana.imaging.cid.ContentIdentifiers;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.decode.ImageFormat;
import io.certana.imaging.encode.ImageEncoder;
import io.certana.imaging.metadata.MetadataReader;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.EmbedResult;
import io.certana.watermark.Track;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The computing side of each registration step; {@link StepRecorder} writes the results. The steps
 * and what each keeps for the next are described on {@link RegistrationStep}.
 */
@ApplicationScoped
public class RegistrationPipeline {

    private final StepRecorder recorder;
    private final BlobStore blobs;
    private final BlobCleaner cleaner;
    private final ImageDecoder decoder;
    private final MetadataReader metadataReader;
    private final ContentIdentifierCalculator identifiers;
    private final ImageEncoder encoder;
    private final PdqHasher hasher;
    private final WatermarkEngine engine;
    private final EmbeddingModels embeddings;
    private final QuotaClient quota;
    private final OrganizationKeyRefs keyRefs;
    private final DecodedImageHandoff handoff;
    private final float jpegQuality;

    public RegistrationPipeline(StepRecorder recorder, BlobStore blobs, BlobCleaner cleaner, ImageDecoder decoder,
            MetadataReader metadataReader, ContentIdentifierCalculator identifiers, ImageEncoder encoder,
            PdqHasher hasher, WatermarkEngine engine, EmbeddingModels embeddings, QuotaClient quota,
            OrganizationKeyRefs keyRefs, DecodedImageHandoff handoff, AssetConfig config) {
        this.recorder = recorder;
        this.blobs = blobs;
        this.cleaner = cleaner;
        this.decoder = decoder;
        this.metadataReader = metadataReader;
        this.identifiers = identifiers;
        this.encoder = encoder;
        this.hasher = hasher;
        this.engine = engine;
        this.embeddings = embeddings;
        this.quota = quota;
        this.keyRefs = keyRefs;
        this.handoff = handoff;
        this.jpegQuality = config.output().jpegQuality();
    }

    /** Starts a run: marks the asset processing. */
    RegistrationRun begin(JobRepository.Claim claim, String workerId) {
        recorder.begin(claim);
        return new RegistrationRun(claim, workerId);
    }

    /** Runs one step and records its result, which moves the job to the following step. */
    void run(RegistrationStep step, RegistrationRun run) throws IOException {
        switch (step) {
            case METADATA -> metadata(run);
            case PAYLOAD -> payload(run);
            case WATERMARK -> watermark(run);
            case FINGERPRINT -> fingerprint(run);
            case MATCH -> match(run);
            case COMMIT -> commit(run);
            case DONE -> {
            }
        }
    }

    private void metadata(RegistrationRun run) throws IOException {
        recorder.recordMetadata(run, metadataReader.read(original(run)));
    }

    private void payload(RegistrationRun run) {
        recorder.recordPayload(run, payload -> engine.neuralConfigured()
                ? TrackCBits.toBytes(engine.neuralPayloadBits(payload))
                : null);
    }

    private void watermark(RegistrationRun run) throws IOException {
        Asset asset = recorder.read(run.assetId());
        AssetWatermark watermark = recorder.watermark(run.assetId());
        DecodedImage image = handoff.take(run.assetId());
        if (image == null) {
            image = decode(original(run), DecodeMode.ORIENTED, "original");
        }
        Set<Track> tracks = engine.neuralConfigured() ? EnumSet.of(Track.A, Track.B, Track.C)
                : EnumSet.of(Track.A, Track.B);
        EmbedResult marked;
        try {
            marked = engine.embed(image.image(), watermark.payload, tracks);
        } catch (WatermarkException e) {
            throw new RegistrationFailure("The watermark could not be embedded: " + e.getMessage() + ".", e);
        }

        // Pixels only: the encoders write no EXIF, GPS, XMP, thumbnails, comments, ICC profiles or
        // trailing data. JPEG stays JPEG; everything else becomes PNG, which keeps alpha.
        boolean jpeg = image.format() == ImageFormat.JPEG && !image.hasAlpha();
        byte[] output = jpeg ? encoder.encodeJpeg(marked.marked(), jpegQuality) : encoder.encodePng(marked.marked());
        ContentIdentifiers ids = identifiers.compute(output);

        QuotaRequest reservation = new QuotaRequest(0, output.length, asset.id);
        try {
            quota.reserve(asset.organizationId, reservation);
        } catch (QuotaExceededException e) {
            throw new RegistrationFailure("The organization's storage quota has no room for the watermarked output: "
                    + e.detail(), e);
        }
        long reserved = quota.enabled() ? output.length : 0;
        try {
            String key = blobs.putBytes(output, ids.sha256());
            recorder.recordOutput(run, new StoredOutput(ids, jpeg ? "image/jpeg" : "image/png", key, marked, tracks,
                    reserved));
        } catch (AssetGoneException e) {
            cleaner.deleteIfUnreferenced(ids.sha256());
            quota.release(asset.organizationId, reservation);
            throw e;
        } catch (IOException | RuntimeException e) {
            quota.release(asset.organizationId, reservation);
            throw e;
        }
        run.output = output;
        Log.debugf("Asset %s: watermarked output %s (%s, %d bytes, %.1f dB)", asset.id, ids.rawCid(),
                jpeg ? "JPEG" : "PNG", output.length, marked.psnrDb());
    }

    private void fingerprint(RegistrationRun run) throws IOException {
        byte[] output = output(run);
        // RAW keeps the stored samples, as `certana pdq` reads them. The output carries no
        // orientation or ICC profile, so RAW and ORIENTED give the same pixels here.
        DecodedImage image = decode(output, DecodeMode.RAW, "watermarked output");
        DetectionResult detection = engine.detect(image.image());
        if (!detection.track(Track.B).detected()) {
            Log.warnf("Asset %s: Track B was not detected in the stored output", run.assetId());
        }
        FingerprintValues values = new FingerprintValues(hasher.hashDihedral(image), embeddings.clip(image.image()),
                embeddings.dino(image.image()), embeddings.description());
        run.fingerprintId = recorder.recordFingerprint(run, detection, values);
        run.fingerprint = values;
    }

    private void match(RegistrationRun run) {
        if (run.fingerprint == null) {
            run.fingerprintId = recorder.fingerprint(run.assetId()).id;
            run.fingerprint = recorder.fingerprintValues(run.fingerprintId);
        }
        int matched = recorder.recordMatches(run);
        if (matched > 0) {
            Log.infof("Asset %s: %d near-duplicate asset(s) recorded", run.assetId(), matched);
        }
    }

    private void commit(RegistrationRun run) {
        Asset asset = recorder.read(run.assetId());
        String keyRef;
        try {
            keyRef = keyRefs.find(asset.organizationId).orElseThrow(() -> new RegistrationFailure("Organization "
                    + asset.organizationId + " does not exist any more, so the commitment cannot be signed."));
        } catch (SigningKeyUnavailableException e) {
            Log.errorf("Asset %s: %s", asset.id, e.getMessage());
            throw new RegistrationFailure("The organization's signing key reference is invalid, so the commitment "
                    + "cannot be signed.", e);
        }
        try {
            recorder.commit(run, keyRef);
        } catch (SigningKeyUnavailableException e) {
            Log.errorf("Asset %s: signing with key %s failed: %s", asset.id, keyRef, e.getMessage());
            throw new RegistrationFailure("The organization's signing key is unavailable, so the commitment cannot "
                    + "be signed.", e);
        }
    }

    private byte[] original(RegistrationRun run) throws IOException {
        if (run.original == null) {
            run.original = readBlob(recorder.read(run.assetId()).originalStorageKey, "original");
        }
        return run.original;
    }

    private byte[] output(RegistrationRun run) throws IOException {
        if (run.output == null) {
            run.output = readBlob(recorder.read(run.assetId()).watermarkedStorageKey, "watermarked output");
        }
        return run.output;
    }

    private byte[] readBlob(String key, String what) throws IOException {
        try {
            return blobs.readAll(key);
        } catch (NoSuchFileException e) {
            throw new RegistrationFailure("The stored " + what + " is missing from storage.", e);
        }
    }

    private DecodedImage decode(byte[] data, DecodeMode mode, String what) {
        try {
            return decoder.decode(data, mode);
        } catch (ImageDecodeException e) {
            throw new RegistrationFailure("The " + what + " could not be decoded: " + e.getMessage() + ".", e);
        }
    }
}
