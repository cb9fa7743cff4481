package io.certana.asset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JSON-RPC proxy on 127.0.0.1 in front of the Anvil node. It forwards every request unchanged
 * until a test makes it respond like a provider whose load balancer sends some requests to a node
 * that lags behind: blocks above a height are missing, or receipts are withheld. While the Anvil
 * node is down it returns HTTP 502, as a provider's gateway does.
 */
final class LaggingRpcProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "lagging-rpc-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI node;
    private volatile long highestVisibleBlock = Long.MAX_VALUE;
    private volatile boolean receiptsHidden;

    private LaggingRpcProxy(HttpServer server, URI node) {
        this.server = server;
        this.node = node;
    }

    /** Starts a proxy for the node at {@code node} on a free port of 127.0.0.1. */
    static LaggingRpcProxy start(URI node) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LaggingRpcProxy proxy = new LaggingRpcProxy(server, node);
        server.createContext("/", proxy::handle);
        server.setExecutor(proxy.executor);
        server.start();
        return proxy;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Serves block requests as a node whose chain ends at {@code height}: {@code eth_blockNumber}
     * returns at most that, and blocks requested by number above it are missing. Receipts stay as
     * they are, as when a load balancer sends receipt requests to a node that is further ahead.
     */
    void hideBlocksAbove(long height) {
        highestVisibleBlock = height;
    }

    /** Returns null for every {@code eth_getTransactionReceipt}, as a node without the transaction does. */
    void hideReceipts() {
        receiptsHidden = true;
    }

    /** Forwards every request unchanged again. */
    void reset() {
        highestVisibleBlock = Long.MAX_VALUE;
        receiptsHidden = false;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpResponse<String> forwarded;
            try {
                forwarded = forward(body);
            } catch (IOException e) {
                respond(exchange, 502, "text/plain", "the Anvil node at " + node + " did not respond: " + e);
                return;
            }
            if (forwarded.statusCode() != 200) {
                respond(exchange, forwarded.statusCode(), "text/plain", forwarded.body());
                return;
            }
            respond(exchange, 200, "application/json", lag(JSON.readTree(body), forwarded.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the node's response, changed where the lagging node would respond differently. */
    private String lag(JsonNode request, String responseBody) throws IOException {
        if (!request.isObject()) {
            return responseBody;
        }
        String method = request.path("method").asText();
        JsonNode params = request.path("params");
        ObjectNode response = (ObjectNode) JSON.readTree(responseBody);
        JsonNode result = response.path("result");
        switch (method) {
            case "eth_blockNumber" -> {
                if (result.isTextual() && Long.decode(result.asText()) > highestVisibleBlock) {
                    response.put("result", "0x" + Long.toHexString(highestVisibleBlock));
                }
            }
            case "eth_getBlockByNumber" -> {
                // Only blocks requested by number: tags such as latest and finalized pass unchanged.
                boolean byNumber = params.path(0).asText().startsWith("0x");
                if (byNumber && result.isObject() && Long.decode(result.get("number").asText()) > highestVisibleBlock) {
                    response.putNull("result");
                }
            }
            case "eth_getTransactionReceipt" -> {
                if (receiptsHidden) {
                    response.putNull("result");
                }
            }
            default -> {
                // Forwarded unchanged.
            }
        }
        return JSON.writeValueAsString(response);
    }

    private HttpResponse<String> forward(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(node).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
