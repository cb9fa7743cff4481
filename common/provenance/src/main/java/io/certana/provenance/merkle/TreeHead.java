package io.certana.provenance.merkle;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;

import io.certana.provenance.signing.Ed25519Keys;

/**
 * A tree head of an append-only transparency log: its size, its root and when it was issued.
 *
 * <p>The signed bytes are the {@code TreeHeadSignature} structure of RFC 6962 section 3.5, in TLS
 * encoding: version {@code v1} (one byte 0), signature type {@code tree_hash} (one byte 1), the
 * timestamp in milliseconds since the Unix epoch (8 bytes, big-endian), the tree size (8 bytes,
 * big-endian) and the SHA-256 root (32 bytes), 50 bytes in all. Where RFC 6962 signs these bytes
 * with ECDSA or RSA, Certana signs them with Ed25519, so anyone can check a head with
 * {@code openssl pkeyutl -verify -rawin} after writing the 50 bytes out.
 *
 * @param treeSize number of leaves the head covers
 * @param rootHash RFC 6962 root of those leaves, 32 bytes
 * @param timestamp when the log issued the head, milliseconds since the Unix epoch
 */
public record TreeHead(long treeSize, byte[] rootHash, long timestamp) {

    /** Length of the signed structure, in bytes. */
    public static final int SIGNED_BYTES = 1 + 1 + 8 + 8 + MerkleHashes.HASH_BYTES;

    private static final byte VERSION_V1 = 0;
    private static final byte SIGNATURE_TYPE_TREE_HASH = 1;

    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
        }
        if (rootHash == null || rootHash.length != MerkleHashes.HASH_BYTES) {
            throw new IllegalArgumentException("a root hash has " + MerkleHashes.HASH_BYTES + " bytes, got "
                    + (rootHash == null ? "none" : rootHash.length));
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative: " + timestamp);
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public Instant issuedAt() {
        return Instant.ofEpochMilli(timestamp);
    }

    /** Returns the 50 bytes that the log signs for this head. */
    public byte[] signedBytes() {
        return ByteBuffer.allocate(SIGNED_BYTES)
                .put(VERSION_V1)
                .put(SIGNATURE_TYPE_TREE_HASH)
                .putLong(timestamp)
                .putLong(treeSize)
                .put(rootHash)
                .array();
    }

    /** Signs this head with the log's Ed25519 key and returns the 64-byte signature. */
    public byte[] sign(PrivateKey logKey) {
        return Ed25519Keys.sign(logKey, signedBytes());
    }

    /** Checks a signature of this head; a malformed signature counts as invalid. */
    public boolean verify(PublicKey logKey, byte[] signature) {
        return Ed25519Keys.verify(logKey, signedBytes(), signature);
    }
}
