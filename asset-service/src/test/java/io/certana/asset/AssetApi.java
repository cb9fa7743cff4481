package io.certana.asset;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.UUID;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Drives asset-service over HTTP the way a client does, for the tests. */
final class AssetApi {

    /** Maximum time a test waits for a registration to finish. */
    static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(90);

    private AssetApi() {
    }

    static RequestSpecification withKey(String apiKey) {
        return given().header("X-API-Key", apiKey);
    }

    static Response upload(String apiKey, byte[] bytes, String fileName, String mediaType) {
        return withKey(apiKey).multiPart("file", fileName, bytes, mediaType).post("/api/v1/assets");
    }

    static Response get(String apiKey, UUID assetId) {
        return withKey(apiKey).get("/api/v1/assets/{id}", assetId);
    }

    /** Uploads and returns the new asset's id, failing unless the response is 202. */
    static UUID register(String apiKey, byte[] bytes, String fileName, String mediaType) {
        Response response = upload(apiKey, bytes, fileName, mediaType);
        if (response.statusCode() != 202) {
            fail("upload of " + fileName + " answered " + response.statusCode() + ": " + response.asString());
        }
        return UUID.fromString(response.path("id"));
    }

    /** Polls the asset until its status is completed or failed and returns the last response. */
    static Response awaitFinished(String apiKey, UUID assetId) {
        long deadline = System.nanoTime() + REGISTRATION_TIMEOUT.toNanos();
        Response response = null;
        while (System.nanoTime() < deadline) {
            response = get(apiKey, assetId);
            String status = response.path("processingStatus");
            if ("completed".equals(status) || "failed".equals(status)) {
                return response;
            }
            sleep(200);
        }
        fail("asset " + assetId + " did not finish within " + REGISTRATION_TIMEOUT + "; last response: "
                + (response == null ? "none" : response.asString()));
        return response;
    }

    /** Like {@link #awaitFinished}, failing unless the asset completed. */
    static Response awaitCompleted(String apiKey, UUID assetId) {
        Response response = awaitFinished(apiKey, assetId);
        if (!"completed".equals(response.path("processingStatus"))) {
            fail("asset " + assetId + " did not complete: " + response.asString());
        }
        return response;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
