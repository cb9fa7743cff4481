package io.certana.asset.commitment;

import java.time.Instant;

import io.certana.asset.anchor.rest.ProofView;

/**
 * Body of {@code GET /api/v1/assets/{id}/commitment}: everything needed to check the signature
 * without Certana, for example with {@code openssl pkeyutl -verify -pubin -inkey key.pem -rawin
 * -in payload.json -sigfile sig.bin} after writing {@code payload} as it is and
 * base64-decoding {@code signature}.
 *
 * @param commitmentHash SHA-256 of the payload's UTF-8 bytes, hex
 * @param payload the signed RFC 8785 canonical JSON, byte for byte
 * @param signature Ed25519 signature of the payload, base64
 * @param signatureAlgorithm always Ed25519
 * @param publicKey the organization's public key, PEM (SubjectPublicKeyInfo)
 * @param keyRef name of the organization's key, {@code org:<id>:signing:v<n>}
 * @param network where the commitment's batch is anchored: local or an EVM network name; null until batched
 * @param txHash anchoring transaction, or local:&lt;log entry index&gt;; null until submitted
 * @param confirmationStatus pending until anchored, then confirmed and finalized
 * @param blockHeight block of the anchoring transaction (local: the log entry index); null until included
 * @param proof inclusion proof in the batch and the batch's anchor; null until batched
 * @param createdAt when the commitment was signed
 */
public record CommitmentView(String commitmentHash, String payload, String signature, String signatureAlgorithm,
        String publicKey, String keyRef, String network, String txHash, String confirmationStatus, Long blockHeight,
        ProofView proof, Instant createdAt) {
}
