package io.certana.asset.watermark;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The watermark of one asset: the 64-bit payload (allocated before embedding, so a retried job
 * embeds the same one), the tracks embedded with their quality, and what detection found on the
 * stored output.
 */
@Entity
@Table(name = "watermarks")
public class AssetWatermark {

    @Id
    public UUID id;

    @Column(name = "asset_id", nullable = false)
    public UUID assetId;

    /** The 64-bit payload as a two's-complement number; its 16 hex digits are the wire form. */
    @Column(nullable = false)
    public long payload;

    /** Tracks embedded, as letters: A, B, C. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tracks_embedded", nullable = false, columnDefinition = "text[]")
    public String[] tracksEmbedded = new String[0];

    @Column(name = "track_a_payload")
    public byte[] trackAPayload;

    @Column(name = "track_b_payload")
    public byte[] trackBPayload;

    /** The bits Track C carries, right-aligned in whole bytes; null when Track C is not embedded. */
    @Column(name = "track_c_payload")
    public byte[] trackCPayload;

    @Column(name = "track_a_detected")
    public Boolean trackADetected;

    @Column(name = "track_b_detected")
    public Boolean trackBDetected;

    @Column(name = "track_c_detected")
    public Boolean trackCDetected;

    @Column(name = "track_a_confidence")
    public Double trackAConfidence;

    @Column(name = "track_b_confidence")
    public Double trackBConfidence;

    @Column(name = "track_c_confidence")
    public Double trackCConfidence;

    @Column(name = "track_a_psnr")
    public Double trackAPsnr;

    @Column(name = "track_b_psnr")
    public Double trackBPsnr;

    @Column(name = "track_c_psnr")
    public Double trackCPsnr;

    /** PSNR in dB of the output against the decoded original, all tracks together. */
    @Column
    public Double psnr;

    /** Track B amplitude in luma levels (RMS of the added pattern). */
    @Column(name = "embedding_strength")
    public Double embeddingStrength;

    /** Track B's detection confidence on the stored output, 0..1. */
    @Column(name = "robustness_score")
    public Double robustnessScore;

    /** Track B's payload as read back from the stored output. */
    @Column(name = "recovered_payload")
    public byte[] recoveredPayload;

    @Column(name = "detected_at")
    public Instant detectedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
