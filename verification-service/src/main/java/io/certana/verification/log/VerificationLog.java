package io.certana.verification.log;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One verification request: who asked, from where, what the file was, and what was decided. The
 * table is partitioned by month on {@code created_at} and its primary key is {@code (id, created_at)};
 * the entity names only {@code id}, which is a random UUID and unique on its own.
 */
@Entity
@Table(name = "verification_logs")
public class VerificationLog {

    @Id
    public UUID id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "api_key_id")
    public UUID apiKeyId;

    @Column(name = "verified_asset_id")
    public UUID verifiedAssetId;

    @Column(name = "source_image_hash")
    public String sourceImageHash;

    @Column(name = "source_image_size_bytes")
    public Long sourceImageSizeBytes;

    /** HTTP status of the response: 200 with a verdict, or the 4xx/5xx the request ended with. */
    @Column(name = "status_code", nullable = false)
    public short statusCode;

    /** The problem type slug of a failed request, such as {@code corrupt-image}. */
    @Column(name = "error_type")
    public String errorType;

    public String verdict;

    @Column(name = "verdict_rule")
    public String verdictRule;

    public Double confidence;

    @Column(name = "watermark_detected")
    public Boolean watermarkDetected;

    @Column(name = "watermark_confidence")
    public Double watermarkConfidence;

    @Column(name = "fingerprint_match_found")
    public Boolean fingerprintMatchFound;

    @Column(name = "fingerprint_similarity")
    public Double fingerprintSimilarity;

    @Column(name = "pdq_distance")
    public Short pdqDistance;

    @Column(name = "signature_valid")
    public Boolean signatureValid;

    /** Whether the matched commitment is anchored on a ledger. */
    @Column(name = "blockchain_verified")
    public Boolean blockchainVerified;

    @Column(name = "tamper_detected")
    public Boolean tamperDetected;

    /** The evidence block of the response, as the client received it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode evidence;

    /** Milliseconds per step: decode, detect, PDQ, embeddings, match, total. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode timings;

    @Column(name = "processing_time_ms", nullable = false)
    public int processingTimeMs;

    @Column(name = "model_version")
    public String modelVersion;

    @Column(name = "requester_ip")
    public String requesterIp;

    @Column(name = "user_agent")
    public String userAgent;
}
