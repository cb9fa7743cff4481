package io.certana.asset.commitment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The signed statement that an organization registered an asset: the RFC 8785 canonical JSON of
 * its identifiers, the SHA-256 of those bytes, and an Ed25519 signature by the organization's key.
 * Anchoring puts it into a batch (leaf index and audit path) and copies the network, transaction
 * and confirmation columns from the batch's current anchor; until then the status is pending. A
 * batched commitment outlives its asset as a tombstone: asset, payload and signature cleared, hash
 * and batch kept, because the proofs of the batch's other leaves depend on its hash.
 */
@Entity
@Table(name = "commitments")
public class Commitment {

    @Id
    public UUID id;

    /** The asset; null once the asset is deleted after the commitment joined a batch. */
    @Column(name = "asset_id")
    public UUID assetId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    /** SHA-256 of {@link #payload}, lower-case hex. */
    @Column(name = "commitment_hash", nullable = false)
    public String commitmentHash;

    /** The exact bytes that were hashed and signed (UTF-8 canonical JSON); null in a tombstone. */
    @Column(name = "commitment_payload")
    public byte[] payload;

    /** Ed25519 signature of {@link #payload}, 64 bytes; null in a tombstone. */
    @Column
    public byte[] signature;

    @Column(name = "signing_key_id", nullable = false)
    public UUID signingKeyId;

    @Column(name = "key_ref", nullable = false)
    public String keyRef;

    @Column(name = "blockchain_network")
    public String network;

    @Column(name = "tx_hash")
    public String txHash;

    /** pending, confirmed or finalized. */
    @Column(name = "confirmation_status", nullable = false)
    public String confirmationStatus;

    @Column(name = "block_height")
    public Long blockHeight;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(nullable = false)
    public boolean verified;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The anchor batch; null until batched. */
    @Column(name = "batch_id")
    public UUID batchId;

    /** Position of this commitment's leaf in its batch. */
    @Column(name = "leaf_index")
    public Integer leafIndex;

    /** Sibling hashes from the leaf up to the batch root, 32 bytes each, concatenated. */
    @Column(name = "audit_path")
    public byte[] auditPath;

    /** When the asset was deleted, leaving this commitment as a tombstone. */
    @Column(name = "asset_deleted_at")
    public Instant assetDeletedAt;
}
