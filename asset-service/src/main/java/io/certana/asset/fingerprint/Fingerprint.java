package io.certana.asset.fingerprint;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Perceptual fingerprints of an asset's watermarked output. Rows are written by
 * {@link FingerprintRepository#insert}, because the {@code bit(256)} and {@code vector} columns
 * used for nearest-neighbour search are not mapped here; this entity reads the other columns.
 */
@Entity
@Table(name = "fingerprints")
public class Fingerprint {

    @Id
    public UUID id;

    @Column(name = "asset_id", nullable = false, insertable = false, updatable = false)
    public UUID assetId;

    /** PDQ hash, 64 hex digits in the reference tools' format. */
    @Column(name = "pdq_hash", nullable = false, insertable = false, updatable = false)
    public String pdqHash;

    @Column(name = "pdq_quality", nullable = false, insertable = false, updatable = false)
    public int pdqQuality;

    /** The eight dihedral hashes, in the order of {@link io.certana.imaging.pdq.DihedralHashes#NAMES}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "pdq_dihedral", nullable = false, insertable = false, updatable = false, columnDefinition = "char(64)[]")
    public String[] pdqDihedral;

    /** Models that produced the embeddings, such as {@code clip:model.onnx,dino:model.onnx}; null without any. */
    @Column(name = "embedding_model", insertable = false, updatable = false)
    public String embeddingModel;

    @Column(name = "similarity_threshold", insertable = false, updatable = false)
    public Double similarityThreshold;

    /** When the matches against other assets were recorded; null before. */
    @Column(name = "matched_at")
    public Instant matchedAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
