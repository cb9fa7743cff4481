package io.certana.asset.anchor;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One attempt to anchor a batch root with a backend. The batch's current anchor is its one anchor
 * in pending, confirmed or finalized; a dropped or failed attempt is kept as a record.
 */
@Entity
@Table(name = "anchors")
public class Anchor {

    @Id
    public UUID id;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    /** Backend name: local or evm. */
    @Column(nullable = false)
    public String backend;

    /** local, or the EVM network name (mainnet, testnet, devnet). */
    @Column(nullable = false)
    public String network;

    /** Transaction hash, or local:&lt;entry index&gt;; null until submitted. */
    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "block_number")
    public Long blockNumber;

    @Column(name = "block_hash")
    public String blockHash;

    @Column
    public Long confirmations;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_check_at", nullable = false)
    public Instant nextCheckAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public AnchorState state() {
        return AnchorState.parse(status);
    }
}
