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
 * One direction of a near-duplicate pair found at registration: the source asset's output is near
 * the target's. Every pair is stored both ways. These rows are evidence for verification; they are
 * never listed to an organization other than the target's owner.
 */
@Entity
@Table(name = "fingerprint_matches")
public class FingerprintMatch {

    @Id
    public UUID id;

    @Column(name = "source_fingerprint_id", nullable = false)
    public UUID sourceFingerprintId;

    @Column(name = "target_fingerprint_id", nullable = false)
    public UUID targetFingerprintId;

    @Column(name = "source_asset_id", nullable = false)
    public UUID sourceAssetId;

    @Column(name = "target_asset_id", nullable = false)
    public UUID targetAssetId;

    /** Smallest Hamming distance between a dihedral hash of one and the other's hash, in bits. */
    @Column(name = "pdq_distance")
    public Integer pdqDistance;

    /** 1 − distance / 256. */
    @Column(name = "pdq_similarity")
    public Double pdqSimilarity;

    @Column(name = "clip_similarity")
    public Double clipSimilarity;

    @Column(name = "dino_similarity")
    public Double dinoSimilarity;

    /** Mean of the similarities present. */
    @Column(name = "average_similarity")
    public Double averageSimilarity;

    @Column(name = "is_match", nullable = false)
    public boolean match;

    /** Which fingerprints passed their threshold: pdq, clip, dino. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "matched_by", nullable = false, columnDefinition = "text[]")
    public String[] matchedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
