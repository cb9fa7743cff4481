package io.certana.verification.commitment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.provenance.json.CanonicalJson;
import io.certana.provenance.merkle.MerkleHashes;
import io.certana.provenance.merkle.MerkleVerifier;
import io.certana.provenance.signing.Ed25519Keys;
import io.certana.verification.matching.MatchResponse;

/**
 * Checks a candidate's signed commitment independently of asset-service, in the order a third
 * party would: the payload is RFC 8785 canonical JSON, its SHA-256 equals {@code commitmentHash},
 * its fields name the candidate (asset, organization, hashes, CIDs, watermark payload), the key
 * reference belongs to the organization, and the Ed25519 signature verifies with the public key.
 *
 * <p>The anchoring proof is checked too ({@link #verifyAnchor}): the commitment's leaf must lead
 * to the batch root through the audit path of RFC 6962.
 *
 * <p>NOTE: the public key comes in the same match response as the commitment, so a valid signature
 * shows that asset-service's records are consistent with a key it holds for the organization, not
 * that a third party vouches for that key. The batch root's own entry in the transparency log or
 * on the chain is not looked up here; {@code certana proof verify} does that.
 */
public final class CommitmentVerifier {

    /** Fields of the signed payload, as asset-service's commitment signer writes them. */
    static final Set<String> PAYLOAD_FIELDS = Set.of("assetId", "organizationId", "contentHash", "cid",
            "watermarkedCid", "pdqHash", "watermarkPayload", "createdAt");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The outcome of a check.
     *
     * @param present whether the candidate has a commitment at all
     * @param valid whether every check passed
     * @param failure what failed, for the evidence and the log; null when valid or absent
     */
    public record Result(boolean present, boolean valid, String failure) {

        static Result absent() {
            return new Result(false, false, null);
        }

        static Result invalid(String failure) {
            return new Result(true, false, failure);
        }

        static Result validCommitment() {
            return new Result(true, true, null);
        }
    }

    /**
     * The outcome of checking the anchoring proof.
     *
     * @param anchored whether the inclusion proof leads to the batch root and the batch's anchor is
     *     confirmed or finalized with a transaction
     * @param proofValid whether the inclusion proof checks out; null when the commitment carries no proof yet
     */
    public record Anchor(boolean anchored, Boolean proofValid) {
    }

    /**
     * Checks the inclusion proof of a commitment in its anchoring batch: the leaf hash is
     * SHA-256(0x00 ‖ the commitment hash's 32 bytes), and the audit path must lead from it to the
     * batch root (RFC 6962, section 2.1.1).
     */
    public Anchor verifyAnchor(MatchResponse.Commitment commitment) {
        JsonNode proof = commitment == null ? null : commitment.proof();
        if (proof == null || proof.isNull() || proof.isMissingNode()) {
            return new Anchor(false, null);
        }
        if (commitment.commitmentHash() == null) {
            return new Anchor(false, false);
        }
        try {
            byte[] leaf = MerkleHashes.leaf(HexFormat.of().parseHex(commitment.commitmentHash()));
            if (!Arrays.equals(leaf, HexFormat.of().parseHex(proof.path("leafHash").asText()))) {
                return new Anchor(false, false);
            }
            List<byte[]> path = new ArrayList<>();
            proof.path("auditPath").forEach(sibling -> path.add(HexFormat.of().parseHex(sibling.asText())));
            boolean included = MerkleVerifier.verifyInclusion(leaf, proof.path("leafIndex").asLong(-1),
                    proof.path("treeSize").asLong(0), path, HexFormat.of().parseHex(proof.path("root").asText()));
            JsonNode anchor = proof.path("anchor");
            String status = anchor.path("confirmationStatus").asText("").toLowerCase(Locale.ROOT);
            boolean confirmed = anchor.hasNonNull("txHash") && (status.equals("confirmed") || status.equals("finalized"));
            return new Anchor(included && confirmed, included);
        } catch (IllegalArgumentException e) {
            // Hex that does not parse is a malformed proof.
            return new Anchor(false, false);
        }
    }

    /** Checks the commitment of a candidate. Never throws for bad data: bad data is an invalid commitment. */
    public Result verify(MatchResponse.Candidate candidate) {
        MatchResponse.Commitment commitment = candidate.commitment();
        if (commitment == null) {
            return Result.absent();
        }
        if (commitment.payload() == null || commitment.signature() == null || commitment.publicKey() == null
                || commitment.commitmentHash() == null) {
            return Result.invalid("the commitment lacks its payload, hash, signature or public key");
        }
        byte[] payload = commitment.payload().getBytes(StandardCharsets.UTF_8);

        if (!sha256Hex(payload).equals(commitment.commitmentHash().toLowerCase(Locale.ROOT))) {
            return Result.invalid("the payload's SHA-256 differs from commitmentHash");
        }
        JsonNode fields;
        try {
            fields = JSON.readTree(payload);
        } catch (IOException e) {
            return Result.invalid("the payload is not JSON");
        }
        if (fields == null || !fields.isObject()) {
            return Result.invalid("the payload is not a JSON object");
        }
        // Re-serializing must give the same bytes: a signature over a non-canonical form would let
        // two different byte strings stand for the same fields.
        try {
            if (!Arrays.equals(CanonicalJson.serialize(fields), payload)) {
                return Result.invalid("the payload is not in RFC 8785 canonical form");
            }
        } catch (IllegalArgumentException e) {
            return Result.invalid("the payload is not in RFC 8785 canonical form");
        }
        String mismatch = fieldMismatch(fields, candidate);
        if (mismatch != null) {
            return Result.invalid(mismatch);
        }
        String expectedKeyPrefix = "org:" + candidate.organizationId() + ":signing:";
        if (commitment.keyRef() != null && !commitment.keyRef().startsWith(expectedKeyPrefix)) {
            return Result.invalid("the signing key reference belongs to another organization");
        }

        PublicKey key;
        byte[] signature;
        try {
            key = Ed25519Keys.publicKeyFromPem(commitment.publicKey());
            signature = Base64.getDecoder().decode(commitment.signature().trim());
        } catch (IllegalArgumentException e) {
            return Result.invalid("the public key or the signature is malformed");
        }
        if (!Ed25519Keys.verify(key, payload, signature)) {
            return Result.invalid("the Ed25519 signature does not verify with the organization's public key");
        }
        return Result.validCommitment();
    }

    /** Returns which signed field disagrees with the candidate, or null when all agree. */
    private static String fieldMismatch(JsonNode fields, MatchResponse.Candidate candidate) {
        for (String name : PAYLOAD_FIELDS) {
            if (!fields.hasNonNull(name) || !fields.get(name).isTextual()) {
                return "the payload lacks the text field " + name;
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("assetId", String.valueOf(candidate.assetId()));
        expected.put("organizationId", String.valueOf(candidate.organizationId()));
        expected.put("contentHash", candidate.contentHash());
        expected.put("cid", candidate.cid());
        expected.put("watermarkedCid", candidate.watermarkedCid());
        expected.put("pdqHash", candidate.pdqHash());
        expected.put("watermarkPayload", candidate.watermarkPayload());
        for (Map.Entry<String, String> field : expected.entrySet()) {
            String signed = fields.get(field.getKey()).asText();
            if (field.getValue() == null || !signed.equalsIgnoreCase(field.getValue())) {
                return "the signed " + field.getKey() + " differs from the registered asset's";
            }
        }
        return null;
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
