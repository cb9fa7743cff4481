package io.certana.cli.proof;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.cli.CertanaCommand;
import io.certana.provenance.merkle.MerkleHashes;
import io.certana.provenance.merkle.MerkleVerifier;
import io.certana.provenance.signing.Ed25519Keys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code certana proof verify FILE|ASSET_ID}: checks a commitment as returned by
 * {@code GET /api/v1/assets/{id}/commitment}. Offline: the payload's SHA-256 is the commitment
 * hash, the Ed25519 signature holds, and the audit path leads from the leaf hash to the batch root.
 * Online, when told where: the batch root is in asset-service's signed transparency log (local
 * anchors, {@code --url}) or in a transaction on an Ethereum chain (evm anchors, {@code --rpc-url}).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
                "Checks a commitment's payload hash, signature and inclusion proof, then the batch's anchor.",
                "INPUT is a JSON file saved from GET /api/v1/assets/{id}/commitment, or an asset id that is "
                        + "fetched from --url with --api-key.",
                "Prints one line per check (ok, FAILED or skipped). Exit code 0 when no check failed, 1 when "
                        + "one did, 2 for invalid options.",
        })
public final class VerifyCommand implements Callable<Integer> {

    private static final Pattern ASSET_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.ParentCommand
    private ProofCommand parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Commitment JSON file, or an asset id to fetch.")
    private String input;

    @Option(names = "--url", paramLabel = "URL",
            description = "asset-service base URL, for an asset id and for the transparency log of local anchors "
                    + "(default: the CERTANA_URL environment variable).")
    private String url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "API key with scope read, to fetch an asset id "
                    + "(default: the CERTANA_API_KEY environment variable).")
    private String apiKey;

    @Option(names = "--public-key", paramLabel = "PEM_FILE",
            description = "The organization's public key (PEM) to check the signature with. Without it the key in "
                    + "the document is used, which proves only that the document is self-consistent.")
    private Path publicKeyFile;

    @Option(names = "--trusted-tree-head", paramLabel = "FILE",
            description = "A transparency log tree head saved earlier (--save-tree-head): the log's current tree "
                    + "must extend it (consistency proof).")
    private Path trustedTreeHead;

    @Option(names = "--save-tree-head", paramLabel = "FILE",
            description = "Writes the log's verified tree head to FILE, to pass as --trusted-tree-head next time.")
    private Path saveTreeHead;

    @Option(names = "--rpc-url", paramLabel = "URL",
            description = "Ethereum JSON-RPC endpoint, to check evm anchors.")
    private String rpcUrl;

    @Option(names = "--confirmations", paramLabel = "N", defaultValue = "1",
            description = "Blocks, the including one counted, an evm anchor needs (default: ${DEFAULT-VALUE}).")
    private int confirmations;

    @Option(names = "--anchor-account", paramLabel = "ADDRESS",
            description = "The operator's anchoring account (0x…); an evm anchor sent by another account fails.")
    private String anchorAccount;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = parent.environment();
        String baseUrl = url != null ? url : environment.get(ProofCommand.URL_VARIABLE);
        if (confirmations < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--confirmations must be at least 1");
        }

        JsonHttp http = new JsonHttp();
        CommitmentProof commitment;
        try {
            commitment = CommitmentProof.parse(read(http, baseUrl, environment));
        } catch (InputException e) {
            err.println("certana: " + input + ": " + e.getMessage());
            err.flush();
            return CertanaCommand.EXIT_FAILED_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("certana: " + input + ": not a commitment document: " + e.getMessage());
            err.flush();
            return CertanaCommand.EXIT_FAILED_INPUT;
        }

        CheckReport report = new CheckReport(out);
        checkPayloadAndSignature(commitment, report);
        if (commitment.proof() == null) {
            report.failed("inclusion", "the document has no proof because the commitment is not in a batch yet. "
                    + "Try again later.");
        } else {
            checkInclusion(commitment, report);
            checkAnchor(commitment.proof(), baseUrl, http, report);
        }
        report.summary();
        return report.anyFailed() ? CertanaCommand.EXIT_FAILED_INPUT : CertanaCommand.EXIT_OK;
    }

    private void checkPayloadAndSignature(CommitmentProof commitment, CheckReport report) {
        byte[] payload = commitment.payload().getBytes(StandardCharsets.UTF_8);
        String payloadHash = HEX.formatHex(sha256(payload));
        report.check(payloadHash.equals(commitment.commitmentHash()), "payload hash",
                "SHA-256 of the payload is the commitment hash " + payloadHash,
                "SHA-256 of the payload is " + payloadHash + ", not the commitment hash "
                        + commitment.commitmentHash());

        PublicKey key;
        String keySource;
        try {
            if (publicKeyFile != null) {
                key = Ed25519Keys.publicKeyFromPem(Files.readString(publicKeyFile));
                keySource = "the key in " + publicKeyFile;
            } else {
                key = Ed25519Keys.publicKeyFromPem(commitment.publicKey());
                keySource = "the key in the document";
            }
        } catch (IOException | IllegalArgumentException e) {
            report.failed("signature", "cannot read the public key: " + e.getMessage());
            return;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(commitment.signature());
        } catch (IllegalArgumentException e) {
            report.failed("signature", "the signature is not base64");
            return;
        }
        String signer = commitment.keyRef() == null ? "" : " (" + commitment.keyRef() + ")";
        report.check(Ed25519Keys.verify(key, payload, signature), "signature",
                "Ed25519 signature verifies with " + keySource + signer,
                "the Ed25519 signature does not verify with " + keySource + signer);
    }

    private static void checkInclusion(CommitmentProof commitment, CheckReport report) {
        CommitmentProof.Proof proof = commitment.proof();
        // The leaf is the commitment hash's 32 bytes with RFC 6962's leaf prefix, computed here.
        byte[] leaf = MerkleHashes.leaf(HEX.parseHex(commitment.commitmentHash()));
        if (proof.leafHash() != null) {
            report.check(MessageDigest.isEqual(leaf, proof.leafHash()), "leaf hash",
                    "SHA-256(0x00 || commitment hash) = " + HEX.formatHex(leaf),
                    "the document's leaf hash " + HEX.formatHex(proof.leafHash())
                            + " is not SHA-256(0x00 || commitment hash) " + HEX.formatHex(leaf));
        }
        byte[] computed = MerkleVerifier.rootFromInclusionProof(leaf, proof.leafIndex(), proof.treeSize(),
                proof.auditPath());
        String position = "leaf " + proof.leafIndex() + " of " + proof.treeSize();
        if (computed == null) {
            report.failed("inclusion", "the audit path of " + proof.auditPath().size() + " hash(es) does not fit "
                    + position);
            return;
        }
        report.check(MessageDigest.isEqual(computed, proof.root()), "inclusion",
                "the audit path leads from " + position + " to the batch root " + HEX.formatHex(proof.root()),
                "the audit path leads from " + position + " to " + HEX.formatHex(computed) + ", not to the batch root "
                        + HEX.formatHex(proof.root()));
    }

    private void checkAnchor(CommitmentProof.Proof proof, String baseUrl, JsonHttp http, CheckReport report) {
        CommitmentProof.Anchor anchor = proof.anchor();
        if (anchor == null || anchor.txHash() == null) {
            report.failed("anchor", "the batch is not anchored yet (status "
                    + (anchor == null ? "unknown" : anchor.confirmationStatus()) + "); try again later");
            return;
        }
        String backend = anchor.backend() != null ? anchor.backend()
                : "local".equals(anchor.network()) ? "local" : "evm";
        String status = "status " + anchor.confirmationStatus() + " on " + anchor.network();
        if (backend.equals("local")) {
            if (baseUrl == null) {
                report.skipped("anchor", anchor.txHash() + " (" + status
                        + "): give --url to check the transparency log");
                return;
            }
            new LogAnchorCheck(http, uri("--url", baseUrl), report).run(proof, trustedTreeHead, saveTreeHead);
        } else if (backend.equals("evm")) {
            if (rpcUrl == null) {
                report.skipped("anchor", anchor.txHash() + " (" + status + "): give --rpc-url to check the chain");
                return;
            }
            new EvmAnchorCheck(http, uri("--rpc-url", rpcUrl), report).run(proof, confirmations, anchorAccount);
        } else {
            report.failed("anchor", "unknown anchoring backend '" + backend + "'");
        }
    }

    /** Reads the commitment document from the file, or fetches it when the input is an asset id. */
    private JsonNode read(JsonHttp http, String baseUrl, Map<String, String> environment) throws InputException {
        Path file = Path.of(input);
        if (Files.exists(file) || !ASSET_ID.matcher(input).matches()) {
            try {
                return JSON.readTree(Files.readString(file));
            } catch (NoSuchFileException e) {
                throw new InputException("file not found (and not an asset id)");
            } catch (IOException e) {
                throw new InputException("cannot read the file as JSON: " + e.getMessage());
            }
        }
        String key = apiKey != null ? apiKey : environment.get(ProofCommand.API_KEY_VARIABLE);
        if (baseUrl == null || key == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Fetching asset " + input + " needs --url (or "
                    + ProofCommand.URL_VARIABLE + ") and --api-key (or " + ProofCommand.API_KEY_VARIABLE + ").");
        }
        try {
            URI commitmentUrl = uri("--url", baseUrl).resolve("/api/v1/assets/" + input + "/commitment");
            return http.get(commitmentUrl, Map.of("X-API-Key", key));
        } catch (JsonHttp.RequestFailedException e) {
            throw new InputException("cannot fetch the commitment: " + e.getMessage());
        }
    }

    private URI uri(String option, String value) {
        try {
            URI parsed = new URI(value);
            if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
                throw new URISyntaxException(value, "the scheme must be http or https");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " is not a valid URL: " + e.getMessage());
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The input could not be read or fetched. */
    private static final class InputException extends Exception {
        InputException(String message) {
            super(message);
        }
    }
}
