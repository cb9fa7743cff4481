package io.certana.asset.anchor.service;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.certana.asset.anchor.Anchor;
import io.certana.asset.anchor.AnchorBatch;
import io.certana.asset.anchor.AnchorBatchRepository;
import io.certana.asset.anchor.AnchorRepository;
import io.certana.asset.anchor.AnchorState;
import io.certana.asset.anchor.backend.AnchorBackend;
import io.certana.asset.anchor.backend.AnchorBackends;
import io.certana.asset.config.AnchoringConfig;
import io.certana.provenance.merkle.InMemoryMerkleTree;
import io.certana.provenance.merkle.MerkleHashes;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Cuts batches: takes the signed commitments that wait for one, builds the RFC 6962 Merkle tree over
 * their hashes, stores each commitment's leaf index and audit path and the batch root, and queues
 * the batch's first anchor, all in one transaction.
 *
 * <p>A batch is cut when {@code max-batch-size} commitments wait, or when the oldest has waited
 * {@code batch-interval}. The commitments are locked with {@code FOR UPDATE SKIP LOCKED}, so
 * batchers on several instances never put one commitment into two batches.
 */
@ApplicationScoped
public class Batcher {

    /**
     * A batch that was cut.
     *
     * @param root the Merkle root, hex
     */
    public record Cut(UUID batchId, int size, String root) {
    }

    private final AnchorBatchRepository batches;
    private final AnchorRepository anchors;
    private final AnchorBackends backends;
    private final int maxBatchSize;
    private final Duration batchInterval;

    public Batcher(AnchorBatchRepository batches, AnchorRepository anchors, AnchorBackends backends,
            AnchoringConfig config) {
        if (config.maxBatchSize() < 1) {
            throw new IllegalStateException("certana.asset.anchoring.max-batch-size must be at least 1, got "
                    + config.maxBatchSize());
        }
        this.batches = batches;
        this.anchors = anchors;
        this.backends = backends;
        this.maxBatchSize = config.maxBatchSize();
        this.batchInterval = config.batchInterval();
    }

    /**
     * Cuts one batch when it is due.
     *
     * @param force cut whatever waits, without waiting for the interval or a full batch
     * @return the batch, or empty when nothing was due
     */
    @Transactional
    public Optional<Cut> cutBatch(boolean force) {
        List<AnchorBatchRepository.Unbatched> waiting = batches.lockUnbatched(maxBatchSize);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        boolean full = waiting.size() >= maxBatchSize;
        boolean oldEnough = !waiting.get(0).createdAt().isAfter(Instant.now().minus(batchInterval));
        if (!force && !full && !oldEnough) {
            return Optional.empty();
        }

        // Leaf data is the 32 raw bytes of each commitment hash, in the locked (stable) order.
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (AnchorBatchRepository.Unbatched commitment : waiting) {
            tree.appendData(HexFormat.of().parseHex(commitment.commitmentHash()));
        }
        String root = HexFormat.of().formatHex(tree.root());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        AnchorBatch batch = new AnchorBatch();
        batch.id = UUID.randomUUID();
        batch.root = root;
        batch.treeSize = waiting.size();
        batch.status = AnchorState.PENDING.wireName();
        batch.createdAt = now;
        batches.persist(batch);

        AnchorBackend backend = backends.current();
        anchors.persist(newAnchor(batch.id, backend, now));
        batches.flush();

        List<AnchorBatchRepository.Leaf> leaves = new ArrayList<>(waiting.size());
        for (int i = 0; i < waiting.size(); i++) {
            leaves.add(new AnchorBatchRepository.Leaf(waiting.get(i).id(), i, concatenate(tree.inclusionProof(i))));
        }
        batches.assignLeaves(batch.id, backend.network(), leaves);
        Log.infof("Cut batch %s of %d commitment(s), root %s, to be anchored with %s", batch.id, batch.treeSize, root,
                backend.name());
        return Optional.of(new Cut(batch.id, batch.treeSize, root));
    }

    /** Returns a queued anchor of a batch with a backend, due at once. */
    static Anchor newAnchor(UUID batchId, AnchorBackend backend, Instant now) {
        Anchor anchor = new Anchor();
        anchor.id = UUID.randomUUID();
        anchor.batchId = batchId;
        anchor.backend = backend.name();
        anchor.network = backend.network();
        anchor.status = AnchorState.PENDING.wireName();
        anchor.nextCheckAt = now;
        anchor.createdAt = now;
        return anchor;
    }

    private static byte[] concatenate(List<byte[]> path) {
        ByteBuffer buffer = ByteBuffer.allocate(path.size() * MerkleHashes.HASH_BYTES);
        path.forEach(buffer::put);
        return buffer.array();
    }
}
