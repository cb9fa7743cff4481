package io.certana.cli.proof;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON over HTTP for the proof checks: GET from asset-service and Ethereum JSON-RPC calls. */
final class JsonHttp {

    /** A request failed: no connection, a timeout, an error status or an answer that is not JSON. */
    static final class RequestFailedException extends Exception {
        RequestFailedException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Returns the parsed body of a GET, with the given headers; any status but 200 fails with the problem's detail. */
    JsonNode get(URI uri, Map<String, String> headers) throws RequestFailedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        headers.forEach(request::header);
        return send(request.build(), uri);
    }

    /** Calls a JSON-RPC method and returns its {@code result}; an error answer fails with its message. */
    JsonNode rpc(URI endpoint, String method, List<Object> params) throws RequestFailedException {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        JsonNode answer = send(request, endpoint);
        if (answer.hasNonNull("error")) {
            throw new RequestFailedException(method + " failed: " + answer.get("error").path("message").asText(
                    answer.get("error").toString()));
        }
        return answer.path("result");
    }

    private JsonNode send(HttpRequest request, URI uri) throws RequestFailedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RequestFailedException("request to " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException("request to " + uri + " was interrupted");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RequestFailedException(uri + " returned HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200) {
            String detail = body.path("detail").asText(body.path("title").asText("no detail"));
            throw new RequestFailedException(uri + " returned HTTP " + response.statusCode() + ": " + detail);
        }
        return body;
    }
}
