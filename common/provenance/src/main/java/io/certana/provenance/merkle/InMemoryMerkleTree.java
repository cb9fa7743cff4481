package io.certana.provenance.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Append-only Merkle tree held in memory, for a batch of commitments: it keeps every perfect
 * subtree hash as it completes, so roots and proofs cost O(log n) node hashes.
 */
public final class InMemoryMerkleTree implements SubtreeHashes {

    /** levels.get(l).get(i) is the hash of the perfect subtree of height l at position i. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    /** Appends a leaf given its data, which is hashed with the leaf prefix. */
    public void appendData(byte[] data) {
        appendLeafHash(MerkleHashes.leaf(data));
    }

    /** Appends a leaf given its already prefixed leaf hash. */
    public void appendLeafHash(byte[] leafHash) {
        if (leafHash.length != MerkleHashes.HASH_BYTES) {
            throw new IllegalArgumentException("a leaf hash has " + MerkleHashes.HASH_BYTES + " bytes, got " + leafHash.length);
        }
        byte[] hash = leafHash.clone();
        int level = 0;
        while (true) {
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> row = levels.get(level);
            row.add(hash);
            // A new right child completes its parent's perfect subtree.
            if (row.size() % 2 != 0) {
                return;
            }
            hash = MerkleHashes.node(row.get(row.size() - 2), hash);
            level++;
        }
    }

    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    public byte[] root() {
        return MerkleTree.root(this, size());
    }

    public List<byte[]> inclusionProof(long leafIndex) {
        return MerkleTree.inclusionProof(this, leafIndex, size());
    }

    public List<byte[]> consistencyProof(long oldSize) {
        return MerkleTree.consistencyProof(this, oldSize, size());
    }

    @Override
    public byte[] perfectSubtree(int level, long index) {
        if (level >= levels.size() || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index);
        }
        return levels.get(level).get((int) index).clone();
    }
}
