package io.certana.cli.proof;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.certana.provenance.merkle.InMemoryMerkleTree;
import io.certana.provenance.merkle.MerkleHashes;
import io.certana.provenance.merkle.MerkleTree;
import io.certana.provenance.merkle.TreeHead;
import io.certana.provenance.signing.Ed25519Keys;

/**
 * What {@code certana proof verify} reads, built the way asset-service builds it: signed
 * commitments in a Merkle batch, the batch root in a transparency log with signed tree heads, and
 * an HTTP server on 127.0.0.1 that serves the log's endpoints and one commitment by asset id.
 */
final class ProofFixture implements AutoCloseable {

    static final String API_KEY = "cert_pk_fixture";
    static final int BATCH_SIZE = 5;
    /** The batch root's position in the log, after three earlier entries. */
    static final long LOG_ENTRY = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    final KeyPair organizationKey = Ed25519Keys.generate();
    final KeyPair logKey = Ed25519Keys.generate();
    final UUID assetId = UUID.randomUUID();
    final InMemoryMerkleTree batch = new InMemoryMerkleTree();
    final InMemoryMerkleTree log = new InMemoryMerkleTree();
    final String[] payloads = new String[BATCH_SIZE];
    final String[] hashes = new String[BATCH_SIZE];

    /** The tree head the server returns as the latest; tests may replace it. */
    volatile ObjectNode latestHead;
    private final HttpServer server;

    ProofFixture() throws IOException {
        for (int i = 0; i < BATCH_SIZE; i++) {
            payloads[i] = "{\"assetId\":\"" + (i == 2 ? assetId : UUID.randomUUID()) + "\",\"contentHash\":\"" + i + "\"}";
            hashes[i] = HEX.formatHex(sha256(payloads[i].getBytes(StandardCharsets.UTF_8)));
            batch.appendData(HEX.parseHex(hashes[i]));
        }
        for (int i = 0; i < LOG_ENTRY; i++) {
            log.appendData(sha256(("earlier batch " + i).getBytes(StandardCharsets.UTF_8)));
        }
        log.appendData(batch.root());
        log.appendData(sha256("later batch".getBytes(StandardCharsets.UTF_8)));
        latestHead = treeHead(log.size(), log.root(), logKey);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/transparency-log/tree-head", exchange -> send(exchange, 200, latestHead));
        server.createContext("/api/v1/transparency-log/inclusion", this::inclusion);
        server.createContext("/api/v1/transparency-log/consistency", this::consistency);
        server.createContext("/api/v1/assets/", this::commitmentById);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Returns the commitment document of batch leaf {@code index}, anchored in the local log. */
    ObjectNode commitment(int index) {
        ObjectNode document = JSON.createObjectNode();
        document.put("commitmentHash", hashes[index]);
        document.put("payload", payloads[index]);
        byte[] signature = Ed25519Keys.sign(organizationKey.getPrivate(), payloads[index].getBytes(StandardCharsets.UTF_8));
        document.put("signature", Base64.getEncoder().encodeToString(signature));
        document.put("signatureAlgorithm", "Ed25519");
        document.put("publicKey", Ed25519Keys.toPem(organizationKey.getPublic()));
        document.put("keyRef", "org:fixture:signing:v1");
        document.put("confirmationStatus", "finalized");

        ObjectNode proof = document.putObject("proof");
        proof.put("leafIndex", index);
        proof.put("treeSize", BATCH_SIZE);
        proof.put("leafHash", HEX.formatHex(MerkleHashes.leaf(HEX.parseHex(hashes[index]))));
        ArrayNode path = proof.putArray("auditPath");
        batch.inclusionProof(index).forEach(hash -> path.add(HEX.formatHex(hash)));
        proof.put("root", HEX.formatHex(batch.root()));
        ObjectNode anchor = proof.putObject("anchor");
        anchor.put("backend", "local");
        anchor.put("network", "local");
        anchor.put("txHash", "local:" + LOG_ENTRY);
        anchor.put("blockHeight", LOG_ENTRY);
        anchor.putNull("blockHash");
        anchor.put("confirmationStatus", "finalized");
        return document;
    }

    /** Returns a signed tree head as the log's endpoint serves it. */
    static ObjectNode treeHead(long size, byte[] root, KeyPair key) {
        TreeHead head = new TreeHead(size, root, 1_790_000_000_000L + size);
        ObjectNode json = JSON.createObjectNode();
        json.put("treeSize", size);
        json.put("rootHash", HEX.formatHex(root));
        json.put("timestamp", head.timestamp());
        json.put("signature", Base64.getEncoder().encodeToString(head.sign(key.getPrivate())));
        json.put("signatureAlgorithm", "Ed25519");
        json.put("publicKey", Ed25519Keys.toPem(key.getPublic()));
        return json;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void inclusion(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        long index = Long.parseLong(query.get("leafIndex"));
        long size = Long.parseLong(query.get("treeSize"));
        ObjectNode body = JSON.createObjectNode();
        body.put("leafIndex", index);
        body.put("treeSize", size);
        ArrayNode path = body.putArray("auditPath");
        hex(MerkleTree.inclusionProof(log, index, size), path);
        send(exchange, 200, body);
    }

    private void consistency(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        long first = Long.parseLong(query.get("first"));
        long second = Long.parseLong(query.get("second"));
        ObjectNode body = JSON.createObjectNode();
        hex(MerkleTree.consistencyProof(log, first, second), body.putArray("proof"));
        send(exchange, 200, body);
    }

    private void commitmentById(HttpExchange exchange) throws IOException {
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
            ObjectNode problem = JSON.createObjectNode();
            problem.put("title", "Unauthorized");
            problem.put("detail", "The API key is invalid.");
            send(exchange, 401, problem);
            return;
        }
        if (!exchange.getRequestURI().getPath().equals("/api/v1/assets/" + assetId + "/commitment")) {
            ObjectNode problem = JSON.createObjectNode();
            problem.put("detail", "Asset not found.");
            send(exchange, 404, problem);
            return;
        }
        send(exchange, 200, commitment(2));
    }

    private static void hex(List<byte[]> hashes, ArrayNode array) {
        hashes.forEach(hash -> array.add(HEX.formatHex(hash)));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts[1]);
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
