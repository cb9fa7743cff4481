package io.certana.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.testing.IdentityService;
import io.certana.testing.ServiceProcess;

/**
 * asset-service started from its packaged jar for verification-service's tests: uploads go through
 * its real API, it watermarks and signs as in production, and it reserves quota in the
 * verification-service under test.
 */
final class AssetService implements AutoCloseable {

    /** System property naming asset-service's packaged jar, set by this module's surefire configuration. */
    static final String JAR_PROPERTY = "certana.asset.jar";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(120);

    private final ServiceProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AssetService(ServiceProcess process) {
        this.process = process;
    }

    /**
     * A completed registration.
     *
     * @param id the asset
     * @param watermarked the watermarked output as asset-service serves it
     */
    record Registered(UUID id, byte[] watermarked) {
    }

    /**
     * Starts asset-service with the test profile against {@code certana_test}, with quotas on. Its
     * test profile cleans the {@code asset} schema at start, so images registered by earlier runs
     * do not belong to organizations of this run.
     */
    static AssetService start(String internalToken, URI identityUrl, URI verificationUrl, Path logFile) {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set: this module's surefire "
                    + "configuration must name asset-service's target/quarkus-app/quarkus-run.jar");
        }
        Path keys = IdentityService.testKeyFolder();
        Path storage;
        try {
            storage = Files.createTempDirectory("certana-asset-test");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create asset-service's storage folder", e);
        }
        ServiceProcess process = ServiceProcess.jar("asset-service", Path.of(jar))
                .property("quarkus.profile", "test")
                .property("mp.jwt.verify.publickey.location", keys.resolve("public.pem").toString())
                .property("certana.internal.token", internalToken)
                .property("certana.internal.identity-url", identityUrl.toString())
                .property("certana.asset.storage.root", storage.toString())
                .property("certana.asset.quota.enabled", "true")
                .property("certana.asset.quota.verification-url", verificationUrl.toString())
                .property("quarkus.log.category.\"io.certana\".level", "INFO")
                .environment("CERTANA_DB_PASSWORD", System.getenv().getOrDefault("CERTANA_DB_PASSWORD", "certana-dev"))
                .jvmOption("-Xmx1g")
                .logFile(logFile)
                .start();
        return new AssetService(process);
    }

    URI baseUri() {
        return process.baseUri();
    }

    /** Uploads an image with an API key; returns the status code and body. */
    HttpResponse<String> upload(String apiKey, byte[] bytes, String fileName, String mediaType) {
        HttpRequest request = Multipart.post(process.baseUri().resolve("/api/v1/assets"), bytes, fileName, mediaType)
                .header("X-API-Key", apiKey)
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads, waits until the registration completed, and downloads the watermarked output. */
    Registered register(String apiKey, byte[] bytes, String fileName, String mediaType) {
        HttpResponse<String> response = upload(apiKey, bytes, fileName, mediaType);
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw new IllegalStateException("Upload of " + fileName + " returned " + response.statusCode() + ": "
                    + response.body());
        }
        UUID id = UUID.fromString(json(response.body()).get("id").asText());
        long deadline = System.nanoTime() + REGISTRATION_TIMEOUT.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            JsonNode asset = json(get(apiKey, "/api/v1/assets/" + id, HttpResponse.BodyHandlers.ofString()).body());
            status = asset.path("processingStatus").asText();
            if (status.equals("completed")) {
                byte[] watermarked = get(apiKey, "/api/v1/assets/" + id + "/watermarked",
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                return new Registered(id, watermarked);
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("Registration of " + fileName + " failed: " + asset);
            }
            sleep(200);
        }
        throw new IllegalStateException("Registration of " + fileName + " did not complete within "
                + REGISTRATION_TIMEOUT + "; last status " + status);
    }

    /** Deletes an asset, which releases its quota. */
    int delete(String apiKey, UUID id) {
        HttpRequest request = HttpRequest.newBuilder(process.baseUri().resolve("/api/v1/assets/" + id))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", apiKey).DELETE().build();
        return send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        process.close();
    }

    private <T> HttpResponse<T> get(String apiKey, String path, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = HttpRequest.newBuilder(process.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", apiKey).GET().build();
        return send(request, handler);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("asset-service returned invalid JSON: " + body, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
