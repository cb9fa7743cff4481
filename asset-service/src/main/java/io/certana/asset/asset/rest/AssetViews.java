package io.certana.asset.asset.rest;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.certana.asset.asset.Asset;
import io.certana.asset.commitment.Commitment;
import io.certana.asset.fingerprint.Fingerprint;
import io.certana.asset.watermark.AssetWatermark;

/** Maps stored assets and their parts to the API's views, in one place. */
public final class AssetViews {

    private AssetViews() {
    }

    /**
     * Builds the view of an asset.
     *
     * @param watermark the asset's watermark row, or null
     * @param fingerprint its fingerprint row, or null
     * @param commitment its commitment, or null
     * @param withMetadata whether to include the EXIF, TIFF and C2PA metadata
     */
    public static AssetView of(Asset asset, AssetWatermark watermark, Fingerprint fingerprint, Commitment commitment,
            boolean withMetadata) {
        AssetView.Output output = asset.watermarkedContentHash == null ? null
                : new AssetView.Output(asset.watermarkedCid, asset.watermarkedIpfsCid, asset.watermarkedContentHash,
                        asset.watermarkedMimeType, asset.watermarkedSizeBytes);
        AssetView.Metadata metadata = withMetadata && (asset.exifMetadata != null || asset.tiffMetadata != null
                || asset.c2paMetadata != null)
                ? new AssetView.Metadata(asset.exifMetadata, asset.tiffMetadata, asset.c2paMetadata)
                : null;
        return new AssetView(asset.id, asset.organizationId, asset.cid, asset.ipfsCid, asset.contentHash,
                asset.mimeType, asset.width, asset.height, asset.fileSizeBytes, asset.originalFilename, asset.title,
                asset.description, List.of(asset.tags), asset.processingStatus, asset.processingError, output,
                watermark(watermark), fingerprint(fingerprint), commitment(commitment), metadata, asset.createdAt,
                asset.updatedAt);
    }

    public static UploadAcceptedView accepted(Asset asset) {
        return new UploadAcceptedView(asset.id, asset.cid, asset.ipfsCid, asset.contentHash, asset.processingStatus,
                asset.createdAt);
    }

    /** Formats a 64-bit payload as the 16 hex digits of its unsigned value. */
    public static String payloadHex(long payload) {
        return HexFormat.of().toHexDigits(payload);
    }

    private static AssetView.WatermarkView watermark(AssetWatermark watermark) {
        if (watermark == null) {
            return null;
        }
        List<String> embedded = Arrays.asList(watermark.tracksEmbedded);
        AssetView.Tracks tracks = new AssetView.Tracks(
                new AssetView.TrackView(embedded.contains("A"), watermark.trackADetected, watermark.trackAConfidence,
                        watermark.trackAPsnr),
                new AssetView.TrackView(embedded.contains("B"), watermark.trackBDetected, watermark.trackBConfidence,
                        watermark.trackBPsnr),
                new AssetView.TrackView(embedded.contains("C"), watermark.trackCDetected, watermark.trackCConfidence,
                        watermark.trackCPsnr));
        return new AssetView.WatermarkView(payloadHex(watermark.payload), tracks, watermark.embeddingStrength,
                watermark.psnr, watermark.robustnessScore);
    }

    private static AssetView.FingerprintView fingerprint(Fingerprint fingerprint) {
        return fingerprint == null ? null
                : new AssetView.FingerprintView(fingerprint.pdqHash, fingerprint.pdqQuality, fingerprint.embeddingModel);
    }

    private static AssetView.CommitmentSummary commitment(Commitment commitment) {
        return commitment == null ? null
                : new AssetView.CommitmentSummary(commitment.commitmentHash, commitment.keyRef,
                        commitment.confirmationStatus, commitment.createdAt);
    }
}
