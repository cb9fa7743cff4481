package io.certana.provenance.merkle;

/**
 * Source of the hashes of perfect (complete, aligned) subtrees of a Merkle tree.
 *
 * <p>Every hash that an RFC 6962 root, inclusion proof or consistency proof needs can be put
 * together from O(log n) perfect subtrees, so a store that keeps these (in memory for a batch,
 * in PostgreSQL for a transparency log) answers any proof without rereading all leaves.
 */
public interface SubtreeHashes {

    /**
     * Returns the hash of the perfect subtree of height {@code level} that covers the leaves
     * {@code index · 2^level} to {@code (index + 1) · 2^level − 1}. Level 0 is the leaf hashes.
     */
    byte[] perfectSubtree(int level, long index);
}
