package io.certana.asset.asset;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered image of an organization: the uploaded original, its watermarked output once
 * processing has produced it, and the registration status. The original's SHA-256 is unique across
 * all organizations: the first registrant keeps the claim.
 */
@Entity
@Table(name = "assets")
public class Asset {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    /** The uploading user: the JWT's subject, or the creator of the API key used. */
    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_by_api_key")
    public UUID createdByApiKey;

    /** Raw CIDv1 (codec raw, SHA-256) of the uploaded bytes. */
    @Column(nullable = false)
    public String cid;

    /** SHA-256 of the uploaded bytes, lower-case hex. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** UnixFS CIDv1 of the uploaded bytes, as {@code ipfs add --cid-version=1} computes it. */
    @Column(name = "ipfs_cid", nullable = false)
    public String ipfsCid;

    @Column(name = "original_filename")
    public String originalFilename;

    /** Media type of the format found in the bytes, never the one the client declared. */
    @Column(name = "mime_type", nullable = false)
    public String mimeType;

    @Column(name = "file_size_bytes", nullable = false)
    public long fileSizeBytes;

    /** Width as displayed, after EXIF orientation. */
    @Column(nullable = false)
    public int width;

    /** Height as displayed, after EXIF orientation. */
    @Column(nullable = false)
    public int height;

    /** Blob store key of the original. */
    @Column(name = "original_storage_key", nullable = false)
    public String originalStorageKey;

    @Column(name = "watermarked_cid")
    public String watermarkedCid;

    @Column(name = "watermarked_ipfs_cid")
    public String watermarkedIpfsCid;

    @Column(name = "watermarked_content_hash")
    public String watermarkedContentHash;

    @Column(name = "watermarked_mime_type")
    public String watermarkedMimeType;

    @Column(name = "watermarked_size_bytes")
    public Long watermarkedSizeBytes;

    /** Blob store key of the watermarked output. */
    @Column(name = "watermarked_storage_url")
    public String watermarkedStorageKey;

    @Column
    public String title;

    @Column
    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags = new String[0];

    // Metadata can be tens of kilobytes of JSON, so it is loaded only where it is read (the single
    // asset view), not by every processing step that locks the row.
    @JdbcTypeCode(SqlTypes.JSON)
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "exif_metadata", columnDefinition = "jsonb")
    public JsonNode exifMetadata;

    @JdbcTypeCode(SqlTypes.JSON)
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "tiff_metadata", columnDefinition = "jsonb")
    public JsonNode tiffMetadata;

    @JdbcTypeCode(SqlTypes.JSON)
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "c2pa_metadata", columnDefinition = "jsonb")
    public JsonNode c2paMetadata;

    @Column(name = "processing_status", nullable = false)
    public String processingStatus = ProcessingStatus.PENDING.wireName();

    @Column(name = "processing_error")
    public String processingError;

    /** Uploads counted for this asset in verification-service, returned on failure or deletion. */
    @Column(name = "quota_uploads_reserved", nullable = false)
    public int quotaUploadsReserved;

    /** Storage bytes counted for this asset in verification-service. */
    @Column(name = "quota_storage_reserved", nullable = false)
    public long quotaStorageReserved;

    /** Creation time, at millisecond precision so that the signed commitment carries it exactly. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public ProcessingStatus status() {
        return ProcessingStatus.parse(processingStatus).orElseThrow();
    }

    public void setStatus(ProcessingStatus status) {
        processingStatus = status.wireName();
    }
}
