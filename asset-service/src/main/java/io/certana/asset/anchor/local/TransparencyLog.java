package io.certana.asset.anchor.local;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

import io.certana.provenance.merkle.MerkleHashes;
import io.certana.provenance.merkle.MerkleTree;
import io.certana.provenance.merkle.TreeHead;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * An append-only RFC 6962 transparency log in PostgreSQL whose leaves are batch roots.
 *
 * <p>Appending a leaf stores its leaf hash and every perfect subtree the leaf completes, so the
 * tables hold all that {@link MerkleTree} needs for roots and proofs in O(log n) reads. Signed tree
 * heads commit the log to its contents at a size; consistency proofs between two heads show that
 * the later tree extends the earlier one, so a rewritten entry is exposed to anyone holding an
 * older head.
 */
@ApplicationScoped
public class TransparencyLog {

    /**
     * A signed tree head with the key that signed it.
     *
     * @param signature Ed25519 over {@link TreeHead#signedBytes()}
     */
    public record SignedTreeHead(TreeHead head, byte[] signature, String keyRef, PublicKey publicKey) {
    }

    private final TransparencyLogRepository repository;
    private final LogKey logKey;

    public TransparencyLog(TransparencyLogRepository repository, LogKey logKey) {
        this.repository = repository;
        this.logKey = logKey;
    }

    /**
     * Appends a batch root as the next leaf and returns its index. Runs in the caller's
     * transaction, which holds the append lock until it ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(byte[] batchRoot) {
        if (batchRoot.length != MerkleHashes.HASH_BYTES) {
            throw new IllegalArgumentException("a batch root has " + MerkleHashes.HASH_BYTES + " bytes, got " + batchRoot.length);
        }
        repository.lockForAppend();
        long index = repository.size();
        repository.insertEntry(index, batchRoot);

        byte[] hash = MerkleHashes.leaf(batchRoot);
        repository.insertSubtree(0, index, hash);
        // A leaf at an odd position is the right child of a now complete subtree: hash it with its
        // left sibling, and go on up for as long as the new subtree is itself a right child.
        int level = 0;
        long position = index;
        while ((position & 1) == 1) {
            byte[] left = repository.findSubtree(level, position - 1).orElseThrow(() -> new IllegalStateException(
                    "the transparency log lacks the left sibling of its new leaf " + index));
            hash = MerkleHashes.node(left, hash);
            level++;
            position >>= 1;
            repository.insertSubtree(level, position, hash);
        }
        return index;
    }

    /** Returns the number of entries, signed or not. */
    @Transactional
    public long size() {
        return repository.size();
    }

    /**
     * Signs and stores a tree head over all entries, unless the latest head covers them already.
     *
     * @return the latest head, new or not; empty while the log is empty
     */
    @Transactional
    public Optional<SignedTreeHead> publishTreeHead() {
        long size = repository.size();
        Optional<TransparencyLogRepository.StoredTreeHead> latest = repository.latestTreeHead();
        if (size == 0 || latest.map(head -> head.treeSize() >= size).orElse(false)) {
            return latest.map(this::signed);
        }
        LogKey.Loaded key = logKey.current();
        // Timestamps never go back, even when the clock does.
        long timestamp = Math.max(System.currentTimeMillis(), latest.map(head -> head.timestampMs()).orElse(0L));
        TreeHead head = new TreeHead(size, MerkleTree.root(new StoredSubtrees(repository), size), timestamp);
        repository.insertTreeHeadIfAbsent(new TransparencyLogRepository.StoredTreeHead(size, head.rootHash(), timestamp,
                head.sign(key.privateKey()), key.id()));
        TransparencyLogRepository.StoredTreeHead stored = repository.findTreeHead(size).orElseThrow();
        Log.debugf("Published transparency log tree head of size %d", size);
        return Optional.of(signed(stored));
    }

    @Transactional
    public Optional<SignedTreeHead> latestTreeHead() {
        return repository.latestTreeHead().map(this::signed);
    }

    @Transactional
    public Optional<SignedTreeHead> treeHead(long treeSize) {
        return repository.findTreeHead(treeSize).map(this::signed);
    }

    /** Returns the index of the first entry holding this batch root. */
    @Transactional
    public Optional<Long> indexOf(byte[] batchRoot) {
        return repository.findIndexByRoot(batchRoot);
    }

    /** Returns the batch root stored at an index. */
    @Transactional
    public Optional<byte[]> entry(long leafIndex) {
        return repository.findEntry(leafIndex);
    }

    /**
     * Returns the audit path of an entry in the tree of the given size, leaf level first.
     *
     * @throws IllegalArgumentException when the index is not below the size, or the size exceeds the log
     */
    @Transactional
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        requireWithinLog(treeSize);
        return MerkleTree.inclusionProof(new StoredSubtrees(repository), leafIndex, treeSize);
    }

    /**
     * Returns the proof that the tree of {@code first} entries is a prefix of the tree of {@code second}.
     *
     * @throws IllegalArgumentException when first exceeds second, or second exceeds the log
     */
    @Transactional
    public List<byte[]> consistencyProof(long first, long second) {
        requireWithinLog(second);
        return MerkleTree.consistencyProof(new StoredSubtrees(repository), first, second);
    }

    private void requireWithinLog(long treeSize) {
        long size = repository.size();
        if (treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " exceeds the log's " + size + " entries");
        }
    }

    private SignedTreeHead signed(TransparencyLogRepository.StoredTreeHead stored) {
        TreeHead head = new TreeHead(stored.treeSize(), stored.rootHash(), stored.timestampMs());
        LogKey.PublicPart key = logKey.publicPart(stored.logKeyId());
        return new SignedTreeHead(head, stored.signature(), key.keyRef(), key.publicKey());
    }
}
