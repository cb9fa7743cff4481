package io.certana.asset.anchor.rest;

import java.time.Instant;
import java.util.List;

/** Bodies of the transparency log's endpoints; hashes are lower-case hex. */
public final class TransparencyLogViews {

    private TransparencyLogViews() {
    }

    /**
     * A signed tree head with the key that signed it.
     *
     * @param treeSize entries the head covers
     * @param rootHash RFC 6962 root of those entries
     * @param timestamp the signed timestamp, milliseconds since the Unix epoch
     * @param issuedAt the same instant, RFC 3339
     * @param signature Ed25519 over the 50-byte RFC 6962 TreeHeadSignature structure, base64
     * @param signatureAlgorithm always Ed25519
     * @param keyRef name of the log key
     * @param publicKey the log's public key, PEM (SubjectPublicKeyInfo)
     */
    public record TreeHeadView(long treeSize, String rootHash, long timestamp, Instant issuedAt, String signature,
            String signatureAlgorithm, String keyRef, String publicKey) {
    }

    /**
     * Proof that the tree of {@code first} entries is a prefix of the tree of {@code second} entries.
     *
     * @param proof RFC 6962 consistency proof
     */
    public record ConsistencyView(long first, long second, List<String> proof) {
    }

    /**
     * Proof that an entry is in the tree of {@code treeSize} entries.
     *
     * @param batchRoot the entry's data, a batch root
     * @param leafHash SHA-256(0x00 ‖ batch root bytes)
     * @param auditPath sibling hashes from the leaf up to the root
     */
    public record InclusionView(long leafIndex, long treeSize, String batchRoot, String leafHash, List<String> auditPath) {
    }
}
