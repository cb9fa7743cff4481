package io.certana.cli.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client of the Certana services' public API (identity-service, asset-service,
 * verification-service), for the command-line tool. Responses are returned as Jackson trees with
 * the fields that the API contract names. Every failure raises {@link CertanaClientException},
 * whose message names the service and URL, or the local file when an upload's file cannot be read.
 *
 * <p>Requests with an API key send it as {@code X-API-Key}. Instances are thread-safe.
 */
public final class CertanaClient {

    /** Time to open a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Time from sending a JSON request to the response headers. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Time from starting an upload (register or verify) to the response headers. It includes
     * sending the file, up to the services' 50 MB limit, and the server's analysis.
     */
    public static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);
    /** Scopes of the key that {@code certana login} creates: register, read and verify. */
    public static final List<String> CLI_KEY_SCOPES = List.of("read", "write", "verify");

    private static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientSettings settings;
    private final HttpClient http;
    private final String userAgent;

    public CertanaClient(ClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // HTTP/1.1 because the JDK client would otherwise try an h2c upgrade on every plain-http request.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String version = CertanaClient.class.getPackage().getImplementationVersion();
        this.userAgent = "certana-cli/" + (version != null ? version : "dev");
    }

    public ClientSettings settings() {
        return settings;
    }

    // --- asset-service ---------------------------------------------------------------------------

    /**
     * Registers an image: a multipart {@code POST /api/v1/assets} on asset-service, with the file
     * streamed from disk. Returns the 202 body of a new asset or the 200 body of the organization's
     * existing asset for the same bytes. Another organization's bytes raise a 409 whose problem
     * contains {@code existingCid}.
     *
     * @param title the asset's title, or null for none
     */
    public JsonNode register(Path file, String title) throws CertanaClientException {
        return upload(file, title).body();
    }

    /** Registers an image like {@link #register} and also returns whether the asset existed already (200). */
    public Registration upload(Path file, String title) throws CertanaClientException {
        MultipartBody body = fileBody(Service.ASSET, file);
        if (title != null && !title.isBlank()) {
            body.addText("title", title);
        }
        URI uri = endpoint(Service.ASSET, "/api/v1/assets");
        HttpRequest request = withApiKey(Service.ASSET, HttpRequest.newBuilder(uri))
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build();
        HttpResponse<byte[]> response = send(Service.ASSET, request);
        int status = response.statusCode();
        if (status != 202 && status != 200) {
            throw error(Service.ASSET, request, response);
        }
        return new Registration(json(Service.ASSET, request, response), status == 200);
    }

    /** Returns an asset: {@code GET /api/v1/assets/{id}} on asset-service. */
    public JsonNode asset(UUID id) throws CertanaClientException {
        return getJsonWithKey(Service.ASSET, "/api/v1/assets/" + id);
    }

    /**
     * Polls {@link #asset} until {@code processingStatus} is {@code completed} or {@code failed}, or
     * the timeout passes, and returns the last body. After a timeout the status is still
     * {@code pending} or {@code processing}, so callers check it.
     */
    public JsonNode awaitProcessed(UUID id, Duration timeout) throws CertanaClientException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration interval = FIRST_POLL_INTERVAL;
        while (true) {
            JsonNode asset = asset(id);
            String status = asset.path("processingStatus").asText();
            long remaining = deadline - System.nanoTime();
            if (status.equals("completed") || status.equals("failed") || remaining <= 0) {
                return asset;
            }
            sleep(Math.min(interval.toNanos(), remaining));
            interval = interval.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0
                    ? MAX_POLL_INTERVAL : interval.multipliedBy(2);
        }
    }

    /**
     * An image downloaded from asset-service.
     *
     * @param bytes the image file
     * @param mediaType the response's {@code Content-Type}, such as {@code image/png}
     */
    public record Download(byte[] bytes, String mediaType) {
    }

    /**
     * Downloads an asset's watermarked image: {@code GET /api/v1/assets/{id}/watermarked} on
     * asset-service, which returns 409 until processing completed. The image is held in memory,
     * which asset-service's upload limit of 50 MB bounds.
     */
    public Download watermarked(UUID id) throws CertanaClientException {
        URI uri = endpoint(Service.ASSET, "/api/v1/assets/" + id + "/watermarked");
        HttpRequest request = withApiKey(Service.ASSET, HttpRequest.newBuilder(uri)).timeout(UPLOAD_TIMEOUT).GET()
                .build();
        HttpResponse<byte[]> response = send(Service.ASSET, request);
        if (response.statusCode() != 200) {
            throw error(Service.ASSET, request, response);
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
        return new Download(response.body(), mediaType);
    }

    // --- verification-service --------------------------------------------------------------------

    /**
     * Verifies a copy: a multipart {@code POST /api/v1/verify} on verification-service, with the
     * API key when one is set, else anonymously under the per-address limit. Returns the verdict
     * with its evidence.
     */
    public JsonNode verify(Path file) throws CertanaClientException {
        MultipartBody body = fileBody(Service.VERIFICATION, file);
        URI uri = endpoint(Service.VERIFICATION, "/api/v1/verify");
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (settings.hasApiKey()) {
            builder.header("X-API-Key", settings.apiKey());
        }
        HttpRequest request = builder.timeout(UPLOAD_TIMEOUT)
                .header("User-Agent", userAgent)
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build();
        HttpResponse<byte[]> response = send(Service.VERIFICATION, request);
        if (response.statusCode() != 200) {
            throw error(Service.VERIFICATION, request, response);
        }
        return json(Service.VERIFICATION, request, response);
    }

    /** Returns the organization's usage and limits this month: {@code GET /api/v1/quotas} on verification-service. */
    public JsonNode quotas() throws CertanaClientException {
        return getJsonWithKey(Service.VERIFICATION, "/api/v1/quotas");
    }

    // --- health ----------------------------------------------------------------------------------

    /** Returns whether {@code GET /q/health/ready} on the service at {@code serviceBase} returns 200. */
    public boolean ready(URI serviceBase) {
        return readiness(serviceBase) == Readiness.READY;
    }

    /** Calls {@code GET /q/health/ready} on the service at {@code serviceBase} and classifies the outcome. */
    public Readiness readiness(URI serviceBase) {
        HttpRequest request = HttpRequest.newBuilder(join(serviceBase, "/q/health/ready"))
                .timeout(REQUEST_TIMEOUT).header("User-Agent", userAgent).GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Readiness.READY : Readiness.NOT_READY;
        } catch (IOException e) {
            return Readiness.NOT_REACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Readiness.NOT_REACHABLE;
        }
    }

    // --- identity-service: login -----------------------------------------------------------------

    /**
     * Logs in with email and password ({@code POST /api/v1/auth/login}) and returns the access
     * token. Wrong credentials raise 401, an unverified email 403. The caller should clear the
     * password array afterwards.
     */
    public String login(String email, char[] password) throws CertanaClientException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(body)) {
            // The password is written from the array, so it never becomes an immutable String here.
            generator.writeStartObject();
            generator.writeStringField("email", email);
            generator.writeFieldName("password");
            generator.writeString(password, 0, password.length);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        URI uri = endpoint(Service.IDENTITY, "/api/v1/auth/login");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        JsonNode response = expectJson(Service.IDENTITY, request, 200);
        String token = response.path("accessToken").asText("");
        if (token.isEmpty()) {
            throw invalid(Service.IDENTITY, request, "the login response has no accessToken");
        }
        return token;
    }

    /** Returns the logged-in user with their organizations: {@code GET /api/v1/users/me}. */
    public JsonNode currentUser(String accessToken) throws CertanaClientException {
        URI uri = endpoint(Service.IDENTITY, "/api/v1/users/me");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent)
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        return expectJson(Service.IDENTITY, request, 200);
    }

    /**
     * Creates an API key in an organization ({@code POST /api/v1/organizations/{id}/api-keys}) as
     * the logged-in user, who needs the owner or admin role. Returns the 201 body, whose
     * {@code key} appears in this response only.
     */
    public JsonNode createApiKey(String accessToken, UUID organizationId, String name, List<String> scopes)
            throws CertanaClientException {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        scopes.forEach(body.putArray("scopes")::add);
        URI uri = endpoint(Service.IDENTITY, "/api/v1/organizations/" + organizationId + "/api-keys");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent)
                .header("Authorization", "Bearer " + accessToken)
                .header("X-Organization-Id", organizationId.toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        JsonNode created = expectJson(Service.IDENTITY, request, 201);
        if (created.path("key").asText("").isEmpty()) {
            throw invalid(Service.IDENTITY, request, "the created API key is missing from the response");
        }
        return created;
    }

    // --- plumbing ----------------------------------------------------------------------------------

    /** Builds the one-file multipart body of an upload, or raises when the file cannot be read. */
    private static MultipartBody fileBody(Service service, Path file) throws CertanaClientException {
        if (!Files.isReadable(file)) {
            String reason = Files.exists(file) ? "cannot be read" : "not found";
            throw CertanaClientException.noResponse(CertanaClientException.Failure.FILE_NOT_READABLE, service, null,
                    file + ": file " + reason + ".", null);
        }
        try {
            return new MultipartBody().addFile("file", file, MultipartBody.mediaTypeOf(file));
        } catch (NoSuchFileException e) {
            String reason = e.getReason() != null ? e.getReason() : "file not found";
            throw CertanaClientException.noResponse(CertanaClientException.Failure.FILE_NOT_READABLE, service, null,
                    file + ": " + reason + ".", e);
        }
    }

    private JsonNode getJsonWithKey(Service service, String path) throws CertanaClientException {
        HttpRequest.Builder builder = withApiKey(service, HttpRequest.newBuilder(endpoint(service, path)));
        return expectJson(service, builder.timeout(REQUEST_TIMEOUT).GET().build(), 200);
    }

    private JsonNode expectJson(Service service, HttpRequest request, int expectedStatus)
            throws CertanaClientException {
        HttpResponse<byte[]> response = send(service, request);
        if (response.statusCode() != expectedStatus) {
            throw error(service, request, response);
        }
        return json(service, request, response);
    }

    /** Adds the API key and the user agent, or raises when no key is configured. */
    private HttpRequest.Builder withApiKey(Service service, HttpRequest.Builder builder)
            throws CertanaClientException {
        if (!settings.hasApiKey()) {
            throw CertanaClientException.noResponse(CertanaClientException.Failure.MISSING_API_KEY, service,
                    service.baseUrl(settings), "No API key is configured, and " + service.displayName()
                            + " needs one: run certana login, or set " + SettingsResolver.API_KEY_VARIABLE + ".",
                    null);
        }
        return builder.header("X-API-Key", settings.apiKey()).header("User-Agent", userAgent);
    }

    private HttpResponse<byte[]> send(Service service, HttpRequest request) throws CertanaClientException {
        return send(service, request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(Service service, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws CertanaClientException {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw CertanaClientException.noResponse(CertanaClientException.Failure.TIMEOUT, service, request.uri(),
                    service.displayName() + " at " + base(request.uri()) + " did not accept a connection within "
                            + CONNECT_TIMEOUT.toSeconds() + " s.", e);
        } catch (HttpTimeoutException e) {
            long seconds = request.timeout().orElse(REQUEST_TIMEOUT).toSeconds();
            throw CertanaClientException.noResponse(CertanaClientException.Failure.TIMEOUT, service, request.uri(),
                    service.displayName() + " did not respond within " + seconds + " s to " + request.method() + " "
                            + request.uri() + ".", e);
        } catch (ConnectException e) {
            throw connectFailure(service, request.uri(), e);
        } catch (IOException e) {
            throw CertanaClientException.noResponse(CertanaClientException.Failure.NETWORK, service, request.uri(),
                    request.method() + " " + request.uri() + " to " + service.displayName() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CertanaClientException.noResponse(CertanaClientException.Failure.INTERRUPTED, service,
                    request.uri(), "Interrupted during " + request.method() + " " + request.uri() + ".", e);
        }
    }

    private CertanaClientException connectFailure(Service service, URI uri, ConnectException e) {
        String base = base(uri);
        if (hasCause(e, UnresolvedAddressException.class)) {
            return CertanaClientException.noResponse(CertanaClientException.Failure.UNKNOWN_HOST, service, uri,
                    "Cannot connect to " + service.displayName() + " at " + base + ": the host name '" + uri.getHost()
                            + "' cannot be resolved. Check " + service.flag() + " or " + service.variable() + ".",
                    e);
        }
        return CertanaClientException.noResponse(CertanaClientException.Failure.NOT_RUNNING, service, uri,
                "Cannot connect to " + service.displayName() + " at " + base + ": the connection was refused, so the "
                        + "service is not running there. Start the services with bin/certana demo or as README.md "
                        + "describes, or set " + service.flag() + " or " + service.variable()
                        + " to the URL of a running instance.",
                e);
    }

    private CertanaClientException error(Service service, HttpRequest request, HttpResponse<byte[]> response) {
        JsonNode problem = null;
        try {
            JsonNode parsed = response.body().length == 0 ? null : JSON.readTree(response.body());
            problem = parsed != null && parsed.isObject() ? parsed : null;
        } catch (IOException e) {
            // Not JSON, such as a proxy's HTML error page: the status alone is reported.
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(CertanaClient::parseRetryAfter)
                .orElse(null);
        return CertanaClientException.httpStatus(service, request.method(), request.uri(), response.statusCode(),
                problem, retryAfter);
    }

    private static JsonNode json(Service service, HttpRequest request, HttpResponse<byte[]> response)
            throws CertanaClientException {
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw invalid(service, request, "the body is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid(service, request, "the body is not valid JSON");
        }
    }

    private static CertanaClientException invalid(Service service, HttpRequest request, String problem) {
        return CertanaClientException.noResponse(CertanaClientException.Failure.INVALID_RESPONSE, service,
                request.uri(), service.displayName() + " returned an unexpected response to " + request.method() + " "
                        + request.uri() + ": " + problem + ".",
                null);
    }

    /**
     * Parses a {@code Retry-After} value: delay seconds or an HTTP date (RFC 9110).
     * Returns empty for anything else.
     */
    static Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
            Duration delay = Duration.between(ZonedDateTime.now(date.getZone()), date);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private URI endpoint(Service service, String path) {
        return join(service.baseUrl(settings), path);
    }

    /** Appends an absolute path to a base URL, keeping a path prefix of the base such as a gateway's. */
    static URI join(URI base, String path) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + path);
    }

    private static String base(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private void sleep(long nanos) throws CertanaClientException {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CertanaClientException.noResponse(CertanaClientException.Failure.INTERRUPTED, Service.ASSET,
                    settings.assetUrl(), "Interrupted while waiting for asset-service to process an asset.", e);
        }
    }
}
