package io.certana.cli.proof;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.provenance.merkle.MerkleHashes;
import io.certana.provenance.merkle.MerkleVerifier;
import io.certana.provenance.merkle.TreeHead;
import io.certana.provenance.signing.Ed25519Keys;

/**
 * Checks an anchor in asset-service's transparency log (the local backend): the latest signed tree
 * head's signature, the inclusion of the batch root at the anchor's log entry, and optionally the
 * consistency of that head with a head the user saved earlier.
 */
final class LogAnchorCheck {

    private static final Pattern LOCAL_RECEIPT = Pattern.compile("local:(\\d+)");
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tree head with its signature and key, as the log serves it. */
    private record SignedHead(TreeHead head, byte[] signature, PublicKey publicKey, JsonNode json) {
    }

    private final JsonHttp http;
    private final URI baseUrl;
    private final CheckReport report;

    LogAnchorCheck(JsonHttp http, URI baseUrl, CheckReport report) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.report = report;
    }

    /**
     * Runs the checks.
     *
     * @param trustedHeadFile a tree head saved earlier, or null
     * @param saveHeadFile where to save the verified latest head, or null
     */
    void run(CommitmentProof.Proof proof, Path trustedHeadFile, Path saveHeadFile) {
        var matcher = LOCAL_RECEIPT.matcher(String.valueOf(proof.anchor().txHash()));
        if (!matcher.matches()) {
            report.failed("anchor", "txHash '" + proof.anchor().txHash() + "' is not a local:<entry> receipt");
            return;
        }
        long entry = Long.parseLong(matcher.group(1));

        SignedHead latest;
        try {
            latest = signedHead(http.get(baseUrl.resolve("/api/v1/transparency-log/tree-head"), Map.of()));
        } catch (JsonHttp.RequestFailedException | IllegalArgumentException e) {
            report.failed("log tree head", e.getMessage());
            return;
        }
        TreeHead head = latest.head();
        report.check(head.verify(latest.publicKey(), latest.signature()), "log tree head",
                "size " + head.treeSize() + ", root " + HEX.formatHex(head.rootHash()) + ", signed by the log key",
                "the signature of the tree head of size " + head.treeSize() + " does not verify");

        checkInclusion(proof, entry, head);
        if (trustedHeadFile != null) {
            checkConsistency(trustedHeadFile, latest);
        }
        if (saveHeadFile != null && !report.anyFailed()) {
            try {
                Files.writeString(saveHeadFile, latest.json().toPrettyString() + "\n");
            } catch (IOException e) {
                report.failed("save tree head", "cannot write " + saveHeadFile + ": " + e.getMessage());
            }
        }
    }

    private void checkInclusion(CommitmentProof.Proof proof, long entry, TreeHead head) {
        if (entry >= head.treeSize()) {
            report.failed("log inclusion", "entry " + entry + " is beyond the signed tree of " + head.treeSize()
                    + " entries");
            return;
        }
        JsonNode inclusion;
        try {
            inclusion = http.get(baseUrl.resolve("/api/v1/transparency-log/inclusion?leafIndex=" + entry + "&treeSize="
                    + head.treeSize()), Map.of());
        } catch (JsonHttp.RequestFailedException e) {
            report.failed("log inclusion", e.getMessage());
            return;
        }
        // The leaf is computed here from the proof's batch root: the log's own statement of it is not trusted.
        byte[] leaf = MerkleHashes.leaf(proof.root());
        List<byte[]> path = hashes(inclusion.path("auditPath"));
        boolean included = path != null
                && MerkleVerifier.verifyInclusion(leaf, entry, head.treeSize(), path, head.rootHash());
        report.check(included, "log inclusion",
                "the batch root is entry " + entry + " of the signed tree of " + head.treeSize() + " entries",
                "the batch root " + HEX.formatHex(proof.root()) + " is not entry " + entry + " of the signed tree");
    }

    private void checkConsistency(Path trustedHeadFile, SignedHead latest) {
        SignedHead trusted;
        try {
            trusted = signedHead(JSON.readTree(Files.readString(trustedHeadFile)));
        } catch (IOException | IllegalArgumentException e) {
            report.failed("log consistency", "cannot read the trusted tree head " + trustedHeadFile + ": "
                    + e.getMessage());
            return;
        }
        if (!trusted.head().verify(trusted.publicKey(), trusted.signature())) {
            report.failed("log consistency", "the trusted tree head in " + trustedHeadFile
                    + " has an invalid signature");
            return;
        }
        if (!trusted.publicKey().equals(latest.publicKey())) {
            report.failed("log consistency", "the log now signs with another key than the trusted tree head");
            return;
        }
        long oldSize = trusted.head().treeSize();
        long newSize = latest.head().treeSize();
        if (oldSize > newSize) {
            report.failed("log consistency", "the log shrank from " + oldSize + " to " + newSize + " entries");
            return;
        }
        List<byte[]> proof;
        try {
            proof = hashes(http.get(baseUrl.resolve("/api/v1/transparency-log/consistency?first=" + oldSize + "&second="
                    + newSize), Map.of()).path("proof"));
        } catch (JsonHttp.RequestFailedException e) {
            report.failed("log consistency", e.getMessage());
            return;
        }
        boolean consistent = proof != null && MerkleVerifier.verifyConsistency(oldSize, newSize,
                trusted.head().rootHash(), latest.head().rootHash(), proof);
        report.check(consistent, "log consistency",
                "the tree of " + newSize + " entries extends the trusted tree of " + oldSize,
                "the log's tree of " + newSize + " entries does not extend the trusted tree of " + oldSize
                        + ": its history was rewritten");
    }

    /** Reads a tree head as the log serves it. */
    private static SignedHead signedHead(JsonNode json) {
        try {
            TreeHead head = new TreeHead(json.path("treeSize").asLong(-1),
                    HEX.parseHex(json.path("rootHash").asText("")), json.path("timestamp").asLong(-1));
            byte[] signature = Base64.getDecoder().decode(json.path("signature").asText(""));
            PublicKey key = Ed25519Keys.publicKeyFromPem(json.path("publicKey").asText(""));
            return new SignedHead(head, signature, key, json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the tree head is malformed: " + e.getMessage(), e);
        }
    }

    /** Decodes a JSON array of hex hashes; null when an element is not a 32-byte hash. */
    private static List<byte[]> hashes(JsonNode array) {
        if (!array.isArray()) {
            return null;
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode element : array) {
            Optional<byte[]> hash = Optional.of(element.asText("")).filter(text -> text.matches("[0-9a-f]{64}"))
                    .map(HEX::parseHex);
            if (hash.isEmpty()) {
                return null;
            }
            hashes.add(hash.get());
        }
        return hashes;
    }
}
