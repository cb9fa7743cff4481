package io.certana.cli.proof;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code GET /api/v1/assets/{id}/commitment}, read strictly: every field a check uses
 * must be present and well-formed, or {@link #parse} names the field that is not.
 *
 * @param proof the inclusion proof, or null while the commitment is not batched
 */
record CommitmentProof(String commitmentHash, String payload, String signature, String publicKey, String keyRef,
        Proof proof) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /**
     * The inclusion proof and its anchor.
     *
     * @param auditPath sibling hashes, leaf level first
     * @param anchor where the batch root is anchored, or null
     */
    record Proof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath, byte[] root, Anchor anchor) {
    }

    /**
     * A batch's anchor.
     *
     * @param txHash transaction hash (evm) or {@code local:<entry index>}; null until submitted
     * @param blockHeight including block (local: the entry index), or null
     */
    record Anchor(String backend, String network, String txHash, Long blockHeight, String blockHash,
            String confirmationStatus) {
    }

    /**
     * Reads a commitment document.
     *
     * @throws IllegalArgumentException naming the missing or malformed field
     */
    static CommitmentProof parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the document is not a JSON object");
        }
        String commitmentHash = hash(json, "commitmentHash");
        Proof proof = null;
        JsonNode proofNode = json.get("proof");
        if (proofNode != null && !proofNode.isNull()) {
            proof = parseProof(proofNode);
        }
        return new CommitmentProof(commitmentHash, text(json, "payload"), text(json, "signature"),
                text(json, "publicKey"), optionalText(json, "keyRef"), proof);
    }

    private static Proof parseProof(JsonNode node) {
        long leafIndex = number(node, "proof.leafIndex", "leafIndex");
        long treeSize = number(node, "proof.treeSize", "treeSize");
        JsonNode path = node.get("auditPath");
        if (path == null || !path.isArray()) {
            throw new IllegalArgumentException("proof.auditPath is missing or not an array");
        }
        List<byte[]> auditPath = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            String value = path.get(i).asText("");
            if (!HASH.matcher(value).matches()) {
                throw new IllegalArgumentException("proof.auditPath[" + i + "] is not 64 lower-case hex digits");
            }
            auditPath.add(HexFormat.of().parseHex(value));
        }
        byte[] leafHash = node.hasNonNull("leafHash") ? HexFormat.of().parseHex(hash(node, "leafHash")) : null;
        Anchor anchor = null;
        JsonNode anchorNode = node.get("anchor");
        if (anchorNode != null && anchorNode.isObject()) {
            anchor = new Anchor(optionalText(anchorNode, "backend"), optionalText(anchorNode, "network"),
                    optionalText(anchorNode, "txHash"),
                    anchorNode.hasNonNull("blockHeight") ? anchorNode.get("blockHeight").asLong() : null,
                    optionalText(anchorNode, "blockHash"), optionalText(anchorNode, "confirmationStatus"));
        }
        return new Proof(leafIndex, treeSize, leafHash, auditPath, HexFormat.of().parseHex(hash(node, "root")), anchor);
    }

    private static String hash(JsonNode node, String field) {
        String value = text(node, field);
        if (!HASH.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is not 64 lower-case hex digits: '" + value + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.textValue();
    }

    private static long number(JsonNode node, String name, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException(name + " is missing or not a whole number of 0 or more");
        }
        return value.asLong();
    }
}
