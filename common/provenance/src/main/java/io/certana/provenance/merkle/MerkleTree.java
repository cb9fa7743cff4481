package io.certana.provenance.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of RFC 6962 Merkle trees (section 2.1), computed from perfect-subtree hashes.
 *
 * <p>The RFC defines the tree recursively: the hash of n leaves splits them at k, the largest
 * power of two below n, and hashes MTH(D[0:k]) with MTH(D[k:n]). The left part is always a
 * perfect, aligned subtree, which is why {@link SubtreeHashes} is enough to answer everything.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** Returns the Merkle tree hash (root) of the first {@code size} leaves. */
    public static byte[] root(SubtreeHashes hashes, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        return size == 0 ? MerkleHashes.emptyRoot() : rangeHash(hashes, 0, size);
    }

    /**
     * Returns the audit path of one leaf in a tree of {@code size} leaves, leaf level first
     * (RFC 6962 section 2.1.1, PATH(m, D[n])).
     */
    public static List<byte[]> inclusionProof(SubtreeHashes hashes, long leafIndex, long size) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is outside a tree of " + size + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        appendPath(hashes, leafIndex, 0, size, path);
        return path;
    }

    /**
     * Returns the proof that the tree of {@code oldSize} leaves is a prefix of the tree of
     * {@code newSize} leaves (RFC 6962 section 2.1.2, PROOF(m, D[n])). Empty when the sizes are
     * equal or the old tree is empty.
     */
    public static List<byte[]> consistencyProof(SubtreeHashes hashes, long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            appendSubproof(hashes, oldSize, 0, newSize, true, proof);
        }
        return proof;
    }

    /** Hash of the leaves in [start, end), end > start, as the RFC's recursion would compute it. */
    static byte[] rangeHash(SubtreeHashes hashes, long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1 && start % size == 0) {
            return hashes.perfectSubtree(Long.numberOfTrailingZeros(size), start / size);
        }
        long split = largestPowerOfTwoBelow(size);
        return MerkleHashes.node(rangeHash(hashes, start, start + split), rangeHash(hashes, start + split, end));
    }

    private static void appendPath(SubtreeHashes hashes, long leaf, long start, long end, List<byte[]> path) {
        long size = end - start;
        if (size == 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        // The sibling of the half holding the leaf is added after the deeper part of the path.
        if (leaf - start < split) {
            appendPath(hashes, leaf, start, start + split, path);
            path.add(rangeHash(hashes, start + split, end));
        } else {
            appendPath(hashes, leaf, start + split, end, path);
            path.add(rangeHash(hashes, start, start + split));
        }
    }

    /** SUBPROOF(m, D[start:end], wholeOldTree) with m counted from {@code start}. */
    private static void appendSubproof(SubtreeHashes hashes, long oldSize, long start, long end,
            boolean wholeOldTree, List<byte[]> proof) {
        long size = end - start;
        if (oldSize == size) {
            // The old tree's root is known to the verifier only when this is the whole old tree.
            if (!wholeOldTree) {
                proof.add(rangeHash(hashes, start, end));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (oldSize <= split) {
            appendSubproof(hashes, oldSize, start, start + split, wholeOldTree, proof);
            proof.add(rangeHash(hashes, start + split, end));
        } else {
            appendSubproof(hashes, oldSize - split, start + split, end, false, proof);
            proof.add(rangeHash(hashes, start, start + split));
        }
    }

    /** Largest power of two strictly below {@code n}, for n ≥ 2. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
