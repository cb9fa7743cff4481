package io.certana.provenance.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 6962 (Certificate Transparency) section 2.1, with SHA-256: a leaf hashes
 * as SHA-256(0x00 ‖ data) and an interior node as SHA-256(0x01 ‖ left ‖ right). The distinct
 * prefixes stop a leaf from being passed off as an interior node (second-preimage attacks).
 */
public final class MerkleHashes {

    /** Length of every hash in the tree, in bytes. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashes() {
    }

    /** Returns the hash of an empty tree, SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** Hashes a leaf's data with the leaf prefix. */
    public static byte[] leaf(byte[] data) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        return digest.digest(data);
    }

    /** Hashes two child hashes into their parent with the node prefix. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
