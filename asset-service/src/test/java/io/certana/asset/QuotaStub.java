package io.certana.asset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for verification-service's quota endpoints, on a free port of 127.0.0.1, implementing
 * the contract asset-service calls (docs/assets.md): {@code POST /internal/v1/quotas/{org}/reserve}
 * and {@code …/release}. verification-service is built after asset-service; until it exists, this
 * stub lets the tests check what asset-service sends and how it handles each response.
 */
public class QuotaStub implements QuarkusTestResourceLifecycleManager {

    /** How the stub responds to reservations; releases always succeed. */
    enum Mode {
        GRANT, DENY, FAIL
    }

    /**
     * One request the stub received.
     *
     * @param path request path
     * @param token the X-Internal-Token header
     * @param body the JSON body
     */
    record Call(String path, String token, String body) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static volatile Mode mode = Mode.GRANT;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/quotas/", QuotaStub::handle);
        server.start();
        return Map.of("certana.asset.quota.enabled", "true",
                "certana.asset.quota.verification-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops the server: later calls find the port closed, as when verification-service is down. */
    static void shutDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void stop() {
        shutDown();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        CALLS.add(new Call(path, exchange.getRequestHeaders().getFirst("X-Internal-Token"), body));
        if (path.endsWith("/release") || mode == Mode.GRANT) {
            respond(exchange, 200, "application/json", "{\"granted\":true}", Map.of());
        } else if (mode == Mode.DENY) {
            respond(exchange, 429, "application/problem+json",
                    "{\"type\":\"https://certana.io/problems/rate-limited\",\"title\":\"Too many requests\","
                            + "\"status\":429,\"detail\":\"The monthly upload quota of 1000 is used up.\"}",
                    Map.of("Retry-After", "120", "RateLimit-Limit", "1000", "RateLimit-Remaining", "0",
                            "RateLimit-Reset", "120"));
        } else {
            respond(exchange, 500, "application/problem+json", "{\"status\":500}", Map.of());
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body,
            Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
