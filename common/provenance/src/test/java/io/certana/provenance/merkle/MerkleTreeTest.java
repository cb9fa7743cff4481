package io.certana.provenance.merkle;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the tree against a second implementation written here straight from the recursive
 * definitions of RFC 6962 section 2.1 over the full leaf list, so the two share no code.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Leaf inputs of the Certificate Transparency reference tests. */
    private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};

    @Test
    void rootsMatchCertificateTransparencyVectors() {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HEX.formatHex(tree.root()));
        for (String leaf : CT_LEAVES) {
            tree.appendData(HEX.parseHex(leaf));
            if (tree.size() == 1) {
                assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", HEX.formatHex(tree.root()));
            }
        }
        assertEquals("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", HEX.formatHex(tree.root()));
    }

    @Test
    void rootsAndProofsMatchRecursiveDefinition() {
        List<byte[]> leaves = new ArrayList<>();
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (int n = 1; n <= 70; n++) {
            byte[] data = ("leaf-" + n).getBytes();
            leaves.add(MerkleHashes.leaf(data));
            tree.appendData(data);

            byte[] root = referenceHash(leaves.subList(0, n));
            assertArrayEquals(root, tree.root(), "root of " + n);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusionProof(m);
                assertSameHashes(referencePath(m, leaves.subList(0, n)), path, "path of " + m + " in " + n);
                assertTrue(MerkleVerifier.verifyInclusion(leaves.get(m), m, n, path, root), "inclusion of " + m + " in " + n);
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m);
                assertSameHashes(referenceProof(m, leaves.subList(0, n)), proof, "consistency " + m + " to " + n);
                assertTrue(MerkleVerifier.verifyConsistency(m, n, referenceHash(leaves.subList(0, m)), root, proof),
                        "consistency " + m + " to " + n);
            }
        }
    }

    @Test
    void tamperedInclusionProofRejected() {
        InMemoryMerkleTree tree = treeOf(13);
        byte[] root = tree.root();
        byte[] leaf = MerkleHashes.leaf("leaf-5".getBytes());
        List<byte[]> path = tree.inclusionProof(4);
        assertTrue(MerkleVerifier.verifyInclusion(leaf, 4, 13, path, root));

        List<byte[]> altered = new ArrayList<>(path);
        byte[] first = altered.get(0).clone();
        first[0] ^= 1;
        altered.set(0, first);
        assertFalse(MerkleVerifier.verifyInclusion(leaf, 4, 13, altered, root));
        assertFalse(MerkleVerifier.verifyInclusion(leaf, 5, 13, path, root), "wrong index");
        assertFalse(MerkleVerifier.verifyInclusion(leaf, 4, 5, path, root), "wrong size");
        assertFalse(MerkleVerifier.verifyInclusion(leaf, 4, 13, path.subList(0, path.size() - 1), root), "short path");
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(root);
        assertFalse(MerkleVerifier.verifyInclusion(leaf, 4, 13, longer, root), "long path");
        assertFalse(MerkleVerifier.verifyInclusion(MerkleHashes.leaf("other".getBytes()), 4, 13, path, root), "other leaf");
    }

    @Test
    void tamperedConsistencyProofRejected() {
        InMemoryMerkleTree tree = treeOf(21);
        byte[] oldRoot = treeOf(6).root();
        List<byte[]> proof = tree.consistencyProof(6);
        assertTrue(MerkleVerifier.verifyConsistency(6, 21, oldRoot, tree.root(), proof));

        List<byte[]> altered = new ArrayList<>(proof);
        byte[] last = altered.get(altered.size() - 1).clone();
        last[31] ^= 1;
        altered.set(altered.size() - 1, last);
        assertFalse(MerkleVerifier.verifyConsistency(6, 21, oldRoot, tree.root(), altered));

        byte[] rewrittenOldRoot = oldRoot.clone();
        rewrittenOldRoot[0] ^= 1;
        assertFalse(MerkleVerifier.verifyConsistency(6, 21, rewrittenOldRoot, tree.root(), proof), "rewritten history");
        assertFalse(MerkleVerifier.verifyConsistency(7, 21, oldRoot, tree.root(), proof), "wrong old size");
        assertFalse(MerkleVerifier.verifyConsistency(6, 21, oldRoot, tree.root(), List.of()), "empty proof");
    }

    private static InMemoryMerkleTree treeOf(int size) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (int i = 1; i <= size; i++) {
            tree.appendData(("leaf-" + i).getBytes());
        }
        return tree;
    }

    private static void assertSameHashes(List<byte[]> expected, List<byte[]> actual, String message) {
        assertEquals(expected.size(), actual.size(), message);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(MessageDigest.isEqual(expected.get(i), actual.get(i)), message + " at " + i);
        }
    }

    // The RFC 6962 definitions, written over explicit leaf lists.

    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] referenceHash(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = split(leaves.size());
        return MerkleHashes.node(referenceHash(leaves.subList(0, k)), referenceHash(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> referencePath(int m, List<byte[]> leaves) {
        List<byte[]> path = new ArrayList<>();
        int n = leaves.size();
        if (n == 1) {
            return path;
        }
        int k = split(n);
        if (m < k) {
            path.addAll(referencePath(m, leaves.subList(0, k)));
            path.add(referenceHash(leaves.subList(k, n)));
        } else {
            path.addAll(referencePath(m - k, leaves.subList(k, n)));
            path.add(referenceHash(leaves.subList(0, k)));
        }
        return path;
    }

    private static List<byte[]> referenceProof(int m, List<byte[]> leaves) {
        return m == leaves.size() ? new ArrayList<>() : referenceSubproof(m, leaves, true);
    }

    private static List<byte[]> referenceSubproof(int m, List<byte[]> leaves, boolean complete) {
        List<byte[]> proof = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!complete) {
                proof.add(referenceHash(leaves));
            }
            return proof;
        }
        int k = split(n);
        if (m <= k) {
            proof.addAll(referenceSubproof(m, leaves.subList(0, k), complete));
            proof.add(referenceHash(leaves.subList(k, n)));
        } else {
            proof.addAll(referenceSubproof(m - k, leaves.subList(k, n), false));
            proof.add(referenceHash(leaves.subList(0, k)));
        }
        return proof;
    }
}
