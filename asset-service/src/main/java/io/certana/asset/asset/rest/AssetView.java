package io.certana.asset.asset.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An asset as {@code GET /api/v1/assets/{id}} and the listing return it. Absent parts (no
 * watermark before processing, no error unless failed) are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssetView(
        UUID id,
        UUID organizationId,
        String cid,
        String ipfsCid,
        String contentHash,
        String mimeType,
        int width,
        int height,
        long fileSizeBytes,
        String originalFilename,
        String title,
        String description,
        List<String> tags,
        String processingStatus,
        String processingError,
        Output watermarked,
        WatermarkView watermark,
        FingerprintView fingerprint,
        CommitmentSummary commitment,
        Metadata metadata,
        Instant createdAt,
        Instant updatedAt) {

    /** The watermarked output, once stored. */
    public record Output(String cid, String ipfsCid, String contentHash, String mimeType, long fileSizeBytes) {
    }

    /**
     * The watermark: payload, per-track state, and quality.
     *
     * @param payload the 64-bit payload as 16 hex digits
     * @param tracks per track
     * @param embeddingStrength Track B amplitude, luma levels RMS
     * @param psnr PSNR in dB of the output against the decoded original
     * @param robustnessScore Track B's detection confidence on the stored output, 0..1
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WatermarkView(String payload, Tracks tracks, Double embeddingStrength, Double psnr,
            Double robustnessScore) {
    }

    public record Tracks(TrackView a, TrackView b, TrackView c) {
    }

    /**
     * One track.
     *
     * @param embedded whether the track was embedded
     * @param detected whether detection found it in the stored output; null before that check
     * @param confidence detection confidence, 0..1
     * @param psnr PSNR in dB that this track's embedding left
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrackView(boolean embedded, Boolean detected, Double confidence, Double psnr) {
    }

    /**
     * Fingerprints of the watermarked output.
     *
     * @param pdqHash PDQ hash, 64 hex digits
     * @param pdqQuality PDQ quality, 0..100; below 50 the hash is unreliable
     * @param embeddingModel models behind the stored embeddings, or null without any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FingerprintView(String pdqHash, int pdqQuality, String embeddingModel) {
    }

    /** The commitment's identity and anchoring state; {@code GET …/commitment} returns all of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommitmentSummary(String commitmentHash, String keyRef, String confirmationStatus, Instant createdAt) {
    }

    /** Metadata read from the original (single-asset reads only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(JsonNode exif, JsonNode tiff, JsonNode c2pa) {
    }
}
