package io.certana.cli.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certana.cli.CertanaCommand;
import io.certana.provenance.anchor.AnchorTransactionData;
import io.certana.provenance.merkle.InMemoryMerkleTree;
import io.certana.provenance.signing.Ed25519Keys;
import picocli.CommandLine;

class VerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private ProofFixture fixture;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startFixture() throws IOException {
        fixture = new ProofFixture();
    }

    @AfterEach
    void stopFixture() {
        fixture.close();
    }

    @Test
    void offlineChecksPassWithoutUrl() throws IOException {
        int exit = run(Map.of(), write(fixture.commitment(2)).toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, out + "\n" + err);
        assertLine("ok", "payload hash");
        assertLine("ok", "signature");
        assertLine("ok", "leaf hash");
        assertLine("ok", "inclusion");
        assertLine("skipped", "anchor");
        assertTrue(out.toString().contains("verified: 4 check(s) passed, 1 skipped"), out.toString());
    }

    @Test
    void localAnchorVerifiedAgainstLog() throws IOException {
        for (int leaf = 0; leaf < ProofFixture.BATCH_SIZE; leaf++) {
            out.getBuffer().setLength(0);
            int exit = run(Map.of(), "--url", fixture.url().toString(), write(fixture.commitment(leaf)).toString());

            assertEquals(CertanaCommand.EXIT_OK, exit, "leaf " + leaf + ":\n" + out + "\n" + err);
            assertLine("ok", "log tree head");
            assertLine("ok", "log inclusion");
        }
    }

    @Test
    void trustedTreeHeadMustBeExtended() throws IOException {
        // The user saved the head when the log had 2 entries; the log has grown since.
        InMemoryMerkleTree earlier = new InMemoryMerkleTree();
        earlier.appendData(ProofFixture.sha256("earlier batch 0".getBytes(StandardCharsets.UTF_8)));
        earlier.appendData(ProofFixture.sha256("earlier batch 1".getBytes(StandardCharsets.UTF_8)));
        Path trusted = Files.writeString(dir.resolve("trusted.json"),
                ProofFixture.treeHead(2, earlier.root(), fixture.logKey).toString());
        Path saved = dir.resolve("saved.json");

        int exit = run(Map.of(), "--url", fixture.url().toString(), "--trusted-tree-head", trusted.toString(),
                "--save-tree-head", saved.toString(), write(fixture.commitment(1)).toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, out + "\n" + err);
        assertLine("ok", "log consistency");
        assertEquals(fixture.log.size(), JSON.readTree(saved.toFile()).get("treeSize").asLong());

        // A head of a different history, signed by the same key, is caught.
        InMemoryMerkleTree rewritten = new InMemoryMerkleTree();
        rewritten.appendData(ProofFixture.sha256("earlier batch 0".getBytes(StandardCharsets.UTF_8)));
        rewritten.appendData(ProofFixture.sha256("a different entry".getBytes(StandardCharsets.UTF_8)));
        Path forked = Files.writeString(dir.resolve("forked.json"),
                ProofFixture.treeHead(2, rewritten.root(), fixture.logKey).toString());
        out.getBuffer().setLength(0);

        exit = run(Map.of(), "--url", fixture.url().toString(), "--trusted-tree-head", forked.toString(),
                write(fixture.commitment(1)).toString());

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit, out.toString());
        assertLine("FAILED", "log consistency");
        assertTrue(out.toString().contains("history was rewritten"), out.toString());
    }

    @Test
    void tamperedAuditPathFails() throws IOException {
        ObjectNode document = fixture.commitment(3);
        ArrayNode path = (ArrayNode) document.get("proof").get("auditPath");
        char[] first = path.get(0).asText().toCharArray();
        first[0] = first[0] == '0' ? '1' : '0';
        path.set(0, new String(first));

        int exit = run(Map.of(), write(document).toString());

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
        assertLine("FAILED", "inclusion");
        assertLine("ok", "signature");
    }

    @Test
    void swappedLeafAndWrongRootFail() throws IOException {
        ObjectNode swapped = fixture.commitment(3);
        ObjectNode other = fixture.commitment(4);
        swapped.set("proof", other.get("proof").deepCopy());
        ((ObjectNode) swapped.get("proof")).put("leafIndex", 3);
        ((ObjectNode) swapped.get("proof")).remove("leafHash");

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, run(Map.of(), write(swapped).toString()));
        assertLine("FAILED", "inclusion");

        out.getBuffer().setLength(0);
        ObjectNode wrongRoot = fixture.commitment(0);
        ((ObjectNode) wrongRoot.get("proof")).put("root", HEX.formatHex(new byte[32]));
        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, run(Map.of(), write(wrongRoot).toString()));
        assertLine("FAILED", "inclusion");
    }

    @Test
    void tamperedPayloadFails() throws IOException {
        ObjectNode document = fixture.commitment(0);
        document.put("payload", document.get("payload").asText().replace("contentHash\":\"0", "contentHash\":\"9"));

        int exit = run(Map.of(), write(document).toString());

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
        assertLine("FAILED", "payload hash");
        assertLine("FAILED", "signature");
    }

    @Test
    void otherPublicKeyFails() throws IOException {
        Path key = Files.writeString(dir.resolve("other.pem"), Ed25519Keys.toPem(Ed25519Keys.generate().getPublic()));

        int exit = run(Map.of(), "--public-key", key.toString(), write(fixture.commitment(0)).toString());

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
        assertLine("FAILED", "signature");
    }

    @Test
    void forgedTreeHeadFails() throws IOException {
        fixture.latestHead = ProofFixture.treeHead(fixture.log.size(), fixture.log.root(), fixture.logKey);
        String signature = fixture.latestHead.get("signature").asText();
        fixture.latestHead.put("signature", (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1));

        int exit = run(Map.of(), "--url", fixture.url().toString(), write(fixture.commitment(2)).toString());

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
        assertLine("FAILED", "log tree head");
    }

    @Test
    void assetIdFetchedWithApiKey() {
        Map<String, String> environment = Map.of(ProofCommand.URL_VARIABLE, fixture.url().toString(),
                ProofCommand.API_KEY_VARIABLE, ProofFixture.API_KEY);
        int exit = run(environment, fixture.assetId.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, out + "\n" + err);
        assertLine("ok", "log inclusion");

        exit = run(environment, "--api-key", "cert_pk_wrong", fixture.assetId.toString());
        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
        assertTrue(err.toString().contains("HTTP 401"), err.toString());
    }

    @Test
    void assetIdWithoutUrlIsUsageError() {
        int exit = run(Map.of(), fixture.assetId.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--url"), err.toString());
    }

    @Test
    void unbatchedCommitmentFails() throws IOException {
        ObjectNode document = fixture.commitment(0);
        document.putNull("proof");

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, run(Map.of(), write(document).toString()));
        assertLine("ok", "signature");
        assertLine("FAILED", "inclusion");
    }

    @Test
    void malformedDocumentNamesField() throws IOException {
        ObjectNode document = fixture.commitment(0);
        ((ObjectNode) document.get("proof")).put("root", "not hex");

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, run(Map.of(), write(document).toString()));
        assertTrue(err.toString().contains("root is not 64 lower-case hex digits"), err.toString());
    }

    @Test
    void evmAnchorCheckedOnAnvil() throws Exception {
        String binary = System.getProperty("certana.anvil.binary", System.getenv("CERTANA_ANVIL"));
        assumeTrue(binary != null && Files.isExecutable(Path.of(binary)),
                "Anvil is not installed (certana.anvil.binary or CERTANA_ANVIL); scripts/setup.sh installs it");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process anvil = new ProcessBuilder(binary, "--silent", "--host", "127.0.0.1", "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI rpc = URI.create("http://127.0.0.1:" + port);
            awaitNode(rpc);
            // Anvil's first development account is unlocked, so the node signs the transaction itself.
            String account = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
            String data = "0x" + HEX.formatHex(AnchorTransactionData.encode(fixture.batch.root()));
            String txHash = rpc(rpc, "eth_sendTransaction", List.of(Map.of("from", account, "to", account, "data", data)))
                    .asText();
            rpc(rpc, "anvil_mine", List.of("0x46"));

            ObjectNode document = evmCommitment(txHash);
            int exit = run(Map.of(), "--rpc-url", rpc.toString(), "--confirmations", "3", "--anchor-account", account,
                    write(document).toString());
            assertEquals(CertanaCommand.EXIT_OK, exit, out + "\n" + err);
            assertLine("ok", "chain transaction");
            assertLine("ok", "chain sender");
            assertLine("ok", "chain confirmations");
            assertTrue(out.toString().contains("finalized"), out.toString());

            out.getBuffer().setLength(0);
            exit = run(Map.of(), "--rpc-url", rpc.toString(), "--confirmations", "1000", write(document).toString());
            assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
            assertLine("FAILED", "chain confirmations");

            // A proof whose root the transaction does not carry: leaf 0 of another batch.
            out.getBuffer().setLength(0);
            ProofFixture other = new ProofFixture();
            try {
                ObjectNode foreign = other.commitment(0);
                ((ObjectNode) foreign.get("proof")).set("anchor", document.get("proof").get("anchor").deepCopy());
                exit = run(Map.of(), "--rpc-url", rpc.toString(), write(foreign).toString());
            } finally {
                other.close();
            }
            assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
            assertLine("FAILED", "chain transaction");
        } finally {
            anvil.destroy();
            anvil.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private ObjectNode evmCommitment(String txHash) {
        ObjectNode document = fixture.commitment(1);
        ObjectNode anchor = (ObjectNode) document.get("proof").get("anchor");
        anchor.put("backend", "evm");
        anchor.put("network", "devnet");
        anchor.put("txHash", txHash);
        anchor.putNull("blockHeight");
        return document;
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new ProofCommand(environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "verify";
        System.arraycopy(args, 0, full, 1, args.length);
        return commandLine.execute(full);
    }

    private Path write(ObjectNode document) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "commitment", ".json"), document.toPrettyString());
    }

    private void assertLine(String outcome, String check) {
        boolean found = out.toString().lines().anyMatch(line -> line.startsWith(outcome + " ")
                && line.substring(8).trim().startsWith(check));
        assertTrue(found, "no line '" + outcome + " " + check + "' in:\n" + out);
    }

    private static void awaitNode(URI rpc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                rpc(rpc, "eth_chainId", List.of());
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("Anvil did not answer at " + rpc);
    }

    private static JsonNode rpc(URI rpc, String method, List<Object> params) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(rpc)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }
}
