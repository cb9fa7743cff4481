package io.certana.provenance.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Checks RFC 6962 inclusion and consistency proofs with the iterative algorithms of RFC 9162
 * sections 2.1.3.2 and 2.1.4.2, which need only the proof, the sizes and the roots.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /**
     * Recomputes the root from a leaf hash and its audit path.
     *
     * @return the root the proof leads to, or {@code null} when the path does not fit the
     *     leaf index and tree size (too short or too long)
     */
    public static byte[] rootFromInclusionProof(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return null;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                // A right-most node without a sibling at this level moves up unchanged.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Checks that a leaf hash is at {@code leafIndex} of the tree with the given root. */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path, byte[] root) {
        byte[] computed = rootFromInclusionProof(leafHash, leafIndex, treeSize, path);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /**
     * Checks that the tree of {@code oldSize} leaves with root {@code oldRoot} is a prefix of the
     * tree of {@code newSize} leaves with root {@code newRoot}.
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            // Every tree extends the empty tree; there is nothing to prove.
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }

        // When the old tree is a perfect subtree, its root starts the chain.
        int next = 0;
        byte[] first;
        if (Long.bitCount(oldSize) == 1) {
            first = oldRoot;
        } else {
            first = proof.get(next++);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (; next < proof.size(); next++) {
            byte[] c = proof.get(next);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }
}
