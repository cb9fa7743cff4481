package io.certana.verification.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certana.provenance.json.CanonicalJson;
import io.certana.provenance.merkle.InMemoryMerkleTree;
import io.certana.provenance.merkle.MerkleHashes;
import io.certana.provenance.signing.Ed25519Keys;
import io.certana.verification.matching.MatchResponse;

/** The independent check of a commitment: hash, canonical form, fields, key reference, signature. */
class CommitmentVerifierTest {

    private static final UUID ASSET = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final String CONTENT_HASH = "ab".repeat(32);
    private static final String PDQ = "f0".repeat(32);
    private static final KeyPair KEYS = Ed25519Keys.generate();

    private final CommitmentVerifier verifier = new CommitmentVerifier();

    @Test
    void validCommitmentVerifies() {
        CommitmentVerifier.Result result = verifier.verify(candidate(signed(payload(), KEYS), CONTENT_HASH));

        assertTrue(result.present());
        assertTrue(result.valid(), String.valueOf(result.failure()));
    }

    @Test
    void missingCommitmentIsAbsent() {
        CommitmentVerifier.Result result = verifier.verify(candidate(null, CONTENT_HASH));

        assertFalse(result.present());
        assertFalse(result.valid());
    }

    @Test
    void signatureByAnotherKeyFails() {
        MatchResponse.Commitment byOther = signed(payload(), Ed25519Keys.generate());
        MatchResponse.Commitment swapped = new MatchResponse.Commitment(byOther.commitmentHash(), byOther.payload(),
                byOther.signature(), Ed25519Keys.toPem(KEYS.getPublic()), byOther.keyRef(), null, null, "pending", null,
                null);

        assertInvalid(swapped, CONTENT_HASH, "signature");
    }

    @Test
    void fieldThatDiffersFromCandidateFails() {
        assertInvalid(signed(payload(), KEYS), "cd".repeat(32), "contentHash");
    }

    @Test
    void hashThatDiffersFromPayloadFails() {
        MatchResponse.Commitment commitment = signed(payload(), KEYS);
        MatchResponse.Commitment wrongHash = new MatchResponse.Commitment("00".repeat(32), commitment.payload(),
                commitment.signature(), commitment.publicKey(), commitment.keyRef(), null, null, "pending", null, null);

        assertInvalid(wrongHash, CONTENT_HASH, "SHA-256");
    }

    @Test
    void nonCanonicalPayloadFails() {
        String spaced = new String(CanonicalJson.serialize(payload()), StandardCharsets.UTF_8).replace(",", ", ");
        assertInvalid(sign(spaced, KEYS, "org:" + ORGANIZATION + ":signing:v1"), CONTENT_HASH, "canonical");
    }

    @Test
    void keyOfAnotherOrganizationFails() {
        String payload = new String(CanonicalJson.serialize(payload()), StandardCharsets.UTF_8);
        assertInvalid(sign(payload, KEYS, "org:" + UUID.randomUUID() + ":signing:v1"), CONTENT_HASH, "key reference");
    }

    @Test
    void malformedSignatureFails() {
        MatchResponse.Commitment commitment = signed(payload(), KEYS);
        MatchResponse.Commitment garbled = new MatchResponse.Commitment(commitment.commitmentHash(),
                commitment.payload(), "not base64!", commitment.publicKey(), commitment.keyRef(), null, null, "pending",
                null, null);

        assertInvalid(garbled, CONTENT_HASH, "malformed");
    }

    @Test
    void inclusionProofOfAnchoredBatchVerifies() {
        MatchResponse.Commitment commitment = signed(payload(), KEYS);
        CommitmentVerifier.Anchor anchor = verifier.verifyAnchor(withProof(commitment, proof(commitment, false),
                "finalized"));

        assertTrue(anchor.anchored());
        assertTrue(anchor.proofValid());
    }

    @Test
    void pendingAnchorIsNotAnchored() {
        MatchResponse.Commitment commitment = signed(payload(), KEYS);
        CommitmentVerifier.Anchor anchor = verifier.verifyAnchor(withProof(commitment, proof(commitment, false),
                "pending"));

        assertFalse(anchor.anchored());
        assertTrue(anchor.proofValid());
    }

    @Test
    void tamperedAuditPathFails() {
        MatchResponse.Commitment commitment = signed(payload(), KEYS);
        CommitmentVerifier.Anchor anchor = verifier.verifyAnchor(withProof(commitment, proof(commitment, true),
                "finalized"));

        assertFalse(anchor.anchored());
        assertFalse(anchor.proofValid());
    }

    @Test
    void missingProofIsNotAnchored() {
        CommitmentVerifier.Anchor anchor = verifier.verifyAnchor(signed(payload(), KEYS));

        assertFalse(anchor.anchored());
        assertNull(anchor.proofValid());
    }

    /** Builds a batch of three leaves with the commitment at index 1, as asset-service's anchoring does. */
    private static ObjectNode proof(MatchResponse.Commitment commitment, boolean tamper) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        tree.appendData(HexFormat.of().parseHex("11".repeat(32)));
        tree.appendData(HexFormat.of().parseHex(commitment.commitmentHash()));
        tree.appendData(HexFormat.of().parseHex("22".repeat(32)));
        ObjectNode proof = JsonNodeFactory.instance.objectNode();
        proof.put("root", HexFormat.of().formatHex(tree.root()));
        proof.put("leafIndex", 1);
        proof.put("treeSize", 3);
        proof.put("leafHash", HexFormat.of().formatHex(MerkleHashes.leaf(HexFormat.of().parseHex(
                commitment.commitmentHash()))));
        var path = proof.putArray("auditPath");
        for (byte[] sibling : tree.inclusionProof(1)) {
            byte[] copy = sibling.clone();
            if (tamper) {
                copy[0] ^= 1;
            }
            path.add(HexFormat.of().formatHex(copy));
        }
        return proof;
    }

    private static MatchResponse.Commitment withProof(MatchResponse.Commitment commitment, ObjectNode proof,
            String status) {
        ObjectNode anchor = proof.putObject("anchor");
        anchor.put("backend", "local");
        anchor.put("network", "local");
        anchor.put("txHash", "local:1");
        anchor.put("confirmationStatus", status);
        return new MatchResponse.Commitment(commitment.commitmentHash(), commitment.payload(), commitment.signature(),
                commitment.publicKey(), commitment.keyRef(), "local", "local:1", status, 1L, proof);
    }

    private void assertInvalid(MatchResponse.Commitment commitment, String contentHash, String failurePart) {
        CommitmentVerifier.Result result = verifier.verify(candidate(commitment, contentHash));
        assertTrue(result.present());
        assertFalse(result.valid());
        assertTrue(result.failure().contains(failurePart), result.failure());
    }

    private static ObjectNode payload() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("assetId", ASSET.toString());
        json.put("organizationId", ORGANIZATION.toString());
        json.put("contentHash", CONTENT_HASH);
        json.put("cid", "bafkreicid");
        json.put("watermarkedCid", "bafkreiwatermarked");
        json.put("pdqHash", PDQ);
        json.put("watermarkPayload", "0123456789abcdef");
        json.put("createdAt", "2026-12-01T10:00:00.000Z");
        return json;
    }

    private static MatchResponse.Commitment signed(ObjectNode payload, KeyPair keys) {
        return sign(new String(CanonicalJson.serialize(payload), StandardCharsets.UTF_8), keys,
                "org:" + ORGANIZATION + ":signing:v1");
    }

    private static MatchResponse.Commitment sign(String payload, KeyPair keys, String keyRef) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new MatchResponse.Commitment(hash, payload,
                Base64.getEncoder().encodeToString(Ed25519Keys.sign(keys.getPrivate(), bytes)),
                Ed25519Keys.toPem(keys.getPublic()), keyRef, null, null, "pending", null, null);
    }

    private static MatchResponse.Candidate candidate(MatchResponse.Commitment commitment, String contentHash) {
        return new MatchResponse.Candidate(ASSET, ORGANIZATION, "bafkreicid", "bafkreiwatermarked", contentHash,
                "cd".repeat(32), "title", Instant.now(), "completed", List.of("watermark"), 4, PDQ, 100, null, null,
                "0123456789abcdef", null, commitment);
    }
}
