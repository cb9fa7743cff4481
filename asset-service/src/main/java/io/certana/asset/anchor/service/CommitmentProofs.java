package io.certana.asset.anchor.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.certana.asset.anchor.Anchor;
import io.certana.asset.anchor.AnchorBatch;
import io.certana.asset.anchor.AnchorBatchRepository;
import io.certana.asset.anchor.AnchorRepository;
import io.certana.asset.anchor.rest.ProofView;
import io.certana.asset.commitment.Commitment;
import io.certana.provenance.merkle.MerkleHashes;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the {@code proof} of commitments from their stored leaf, batch and current anchor. */
@ApplicationScoped
public class CommitmentProofs {

    private static final HexFormat HEX = HexFormat.of();

    private final AnchorBatchRepository batches;
    private final AnchorRepository anchors;

    public CommitmentProofs(AnchorBatchRepository batches, AnchorRepository anchors) {
        this.batches = batches;
        this.anchors = anchors;
    }

    /** Returns the proof of one commitment, or null until it is batched. Call it inside a transaction. */
    public ProofView find(Commitment commitment) {
        return load(List.of(commitment)).get(commitment.id);
    }

    /**
     * Returns the proofs of the batched commitments among the given ones, keyed by commitment id, in
     * two queries. Call it inside a transaction.
     */
    public Map<UUID, ProofView> load(Collection<Commitment> commitments) {
        Set<UUID> batchIds = commitments.stream().map(commitment -> commitment.batchId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (batchIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, AnchorBatch> batchById = batches.list("id in ?1", batchIds).stream()
                .collect(Collectors.toMap(batch -> batch.id, Function.identity()));
        Map<UUID, Anchor> anchorByBatch = anchors.listCurrent(batchIds).stream()
                .collect(Collectors.toMap(anchor -> anchor.batchId, Function.identity()));

        Map<UUID, ProofView> proofs = new HashMap<>();
        for (Commitment commitment : commitments) {
            AnchorBatch batch = commitment.batchId == null ? null : batchById.get(commitment.batchId);
            if (batch != null) {
                proofs.put(commitment.id, proof(commitment, batch, anchorByBatch.get(batch.id)));
            }
        }
        return proofs;
    }

    private static ProofView proof(Commitment commitment, AnchorBatch batch, Anchor anchor) {
        List<String> path = new ArrayList<>(commitment.auditPath.length / MerkleHashes.HASH_BYTES);
        for (int offset = 0; offset < commitment.auditPath.length; offset += MerkleHashes.HASH_BYTES) {
            path.add(HEX.formatHex(commitment.auditPath, offset, offset + MerkleHashes.HASH_BYTES));
        }
        String leafHash = HEX.formatHex(MerkleHashes.leaf(HEX.parseHex(commitment.commitmentHash)));
        ProofView.AnchorView anchorView = anchor == null ? null
                : new ProofView.AnchorView(anchor.backend, anchor.network, anchor.txHash, anchor.blockNumber,
                        anchor.blockHash, anchor.status);
        return new ProofView(commitment.leafIndex, batch.treeSize, leafHash, path, batch.root, batch.id, anchorView);
    }
}
