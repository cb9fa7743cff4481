package io.certana.asset.anchor;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A batch of commitments: the root of the RFC 6962 Merkle tree over their hashes, in leaf order. */
@Entity
@Table(name = "anchor_batches")
public class AnchorBatch {

    @Id
    public UUID id;

    /** Merkle root, lower-case hex. */
    @Column(nullable = false)
    public String root;

    /** Number of leaves (commitments). */
    @Column(name = "tree_size", nullable = false)
    public int treeSize;

    /** pending, confirmed or finalized: the state of the current anchor. */
    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
