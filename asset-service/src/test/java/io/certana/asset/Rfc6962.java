package io.certana.asset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A second, independent check of RFC 6962 (section 2.1) proofs for the tests, written from the
 * recursive definitions of PATH and PROOF rather than the iterative algorithms that
 * {@code MerkleVerifier} uses, and hashing with its own SHA-256 calls.
 *
 * <p>PATH(m, D[n]) and SUBPROOF(m, D[n], b) append the sibling of the top-level split last, so these
 * checks walk a proof from its end: the last hash belongs to the largest split, and each recursion
 * step consumes one hash from the end until the leaf (or the old tree's boundary) is reached.
 */
final class Rfc6962 {

    private Rfc6962() {
    }

    static byte[] leafHash(byte[] data) {
        return sha256(new byte[] {0}, data);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    /** Returns the root of a tree over these leaf hashes, MTH(D[n]). */
    static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int split = (int) largestPowerOfTwoBelow(leafHashes.size());
        return nodeHash(rootOf(leafHashes.subList(0, split)), rootOf(leafHashes.subList(split, leafHashes.size())));
    }

    /** Returns whether the audit path leads from the leaf hash at {@code index} to {@code root}. */
    static boolean inclusionHolds(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        byte[] computed = rootFromPath(leafHash, index, size, path, path.size());
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /** Returns whether {@code proof} shows the tree (oldSize, oldRoot) is a prefix of (newSize, newRoot). */
    static boolean consistencyHolds(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty();
        }
        byte[][] roots = subproofRoots(oldSize, newSize, true, oldRoot, proof, proof.size());
        return roots != null && MessageDigest.isEqual(roots[0], oldRoot) && MessageDigest.isEqual(roots[1], newRoot);
    }

    /** Root of a subtree of {@code size} leaves from the leaf at {@code index} and path[0, end). */
    private static byte[] rootFromPath(byte[] leafHash, long index, long size, List<byte[]> path, int end) {
        if (size == 1) {
            return end == 0 ? leafHash : null;
        }
        if (end == 0) {
            return null;
        }
        long split = largestPowerOfTwoBelow(size);
        byte[] sibling = path.get(end - 1);
        if (index < split) {
            byte[] left = rootFromPath(leafHash, index, split, path, end - 1);
            return left == null ? null : nodeHash(left, sibling);
        }
        byte[] right = rootFromPath(leafHash, index - split, size - split, path, end - 1);
        return right == null ? null : nodeHash(sibling, right);
    }

    /**
     * Recomputes {old hash of the first m leaves, new hash of all n leaves} of a subtree from
     * proof[0, end), mirroring SUBPROOF(m, D[n], complete). Returns null when the proof does not fit.
     */
    private static byte[][] subproofRoots(long m, long n, boolean complete, byte[] knownOldRoot, List<byte[]> proof,
            int end) {
        if (m == n) {
            if (complete) {
                // The whole old tree: its root is what the verifier already holds.
                return end == 0 ? new byte[][] {knownOldRoot, knownOldRoot} : null;
            }
            return end == 1 ? new byte[][] {proof.get(0), proof.get(0)} : null;
        }
        if (end == 0) {
            return null;
        }
        long split = largestPowerOfTwoBelow(n);
        byte[] last = proof.get(end - 1);
        if (m <= split) {
            byte[][] left = subproofRoots(m, split, complete, knownOldRoot, proof, end - 1);
            return left == null ? null : new byte[][] {left[0], nodeHash(left[1], last)};
        }
        byte[][] right = subproofRoots(m - split, n - split, false, knownOldRoot, proof, end - 1);
        return right == null ? null : new byte[][] {nodeHash(last, right[0]), nodeHash(last, right[1])};
    }

    private static long largestPowerOfTwoBelow(long n) {
        long k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
