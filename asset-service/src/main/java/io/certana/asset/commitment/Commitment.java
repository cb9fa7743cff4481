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
 * Anchoring on a ledger fills the network, transaction and confirmation columns later; until then
 * the status is pending.
 */
@Entity
@Table(name = "commitments")
public class Commitment {

    @Id
    public UUID id;

    @Column(name = "asset_id", nullable = false)
    public UUID assetId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    /** SHA-256 of {@link #payload}, lower-case hex. */
    @Column(name = "commitment_hash", nullable = false)
    public String commitmentHash;

    /** The exact bytes that were hashed and signed (UTF-8 canonical JSON). */
    @Column(name = "commitment_payload", nullable = false)
    public byte[] payload;

    /** Ed25519 signature of {@link #payload}, 64 bytes. */
    @Column(nullable = false)
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
}
