package io.certana.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.certana.testing.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Monthly quotas: verifications counted atomically under concurrency, and the reserve and release
 * contract that asset-service calls, end to end through a real upload.
 */
@QuarkusTest
class QuotaTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void concurrentVerificationsStopAtLimit() throws Exception {
        Tenants.Tenant tenant = Tenants.create("quota");
        setOverride(tenant, Map.of("verifications", 10)).then().statusCode(200)
                .body("verifications.limit", equalTo(10));
        byte[] image = TestImages.png(TestImages.gradient(160, 160, 77));

        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                responses.add(pool.submit(() -> client.send(Multipart.post(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/verify"), image, "gradient.png", "image/png")
                        .header("X-API-Key", tenant.key()).build(), HttpResponse.BodyHandlers.ofString())));
            }
            int ok = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get(5, TimeUnit.MINUTES);
                if (response.statusCode() == 200) {
                    ok++;
                } else if (response.statusCode() == 429) {
                    refused++;
                    assertTrue(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()) > 0);
                    assertEquals("10", response.headers().firstValue("RateLimit-Limit").orElseThrow());
                    assertEquals("0", response.headers().firstValue("RateLimit-Remaining").orElseThrow());
                    assertTrue(response.body().contains("verification quota"), response.body());
                } else {
                    throw new AssertionError("unexpected " + response.statusCode() + ": " + response.body());
                }
            }
            assertEquals(10, ok, "verifications that succeeded");
            assertEquals(40, refused, "verifications refused with 429");
        } finally {
            pool.shutdownNow();
        }

        JsonPath quota = quotas(tenant);
        assertEquals(10, quota.getInt("verifications.used"));
        assertEquals(10, quota.getInt("verifications.limit"));
        assertNotNull(quota.getString("periodStart"));
        assertNotNull(quota.getString("periodEnd"));
    }

    @Test
    void uploadsReserveQuotaThroughAssetService() {
        Tenants.Tenant tenant = Tenants.create("storage");
        JsonPath before = quotas(tenant);
        assertEquals(0, before.getInt("uploads.used"));
        assertEquals(0L, before.getLong("storageBytes.used"));
        assertEquals(1000, before.getInt("uploads.limit"), "the free plan's maxAssets");

        byte[] photo = Photos.skimage("chelsea.png");
        AssetService.Registered registered = ServicesResource.asset().register(tenant.key(), photo, "chelsea.png",
                "image/png");
        JsonPath after = quotas(tenant);
        assertEquals(1, after.getInt("uploads.used"));
        assertEquals(photo.length + registered.watermarked().length, after.getLong("storageBytes.used"),
                "the original and the watermarked output are counted");

        setOverride(tenant, Map.of("uploads", 1)).then().statusCode(200);
        // Bytes no organization registered, so asset-service reaches its quota reservation.
        byte[] fresh = TestImages.png(TestImages.gradient(300, 200, System.nanoTime()));
        HttpResponse<String> refused = ServicesResource.asset().upload(tenant.key(), fresh, "fresh.png", "image/png");
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals("1", refused.headers().firstValue("RateLimit-Limit").orElseThrow());
        assertTrue(refused.body().contains("upload quota"), refused.body());

        assertEquals(204, ServicesResource.asset().delete(tenant.key(), registered.id()));
        JsonPath released = quotas(tenant);
        assertEquals(0, released.getInt("uploads.used"));
        assertEquals(0L, released.getLong("storageBytes.used"));
    }

    @Test
    void reserveAndReleaseContract() {
        Tenants.Tenant tenant = Tenants.create("contract");
        setOverride(tenant, Map.of("storageBytes", 5000)).then().statusCode(200);
        String organization = tenant.organizationId().toString();

        internal().body(Map.of("uploads", 1, "storageBytes", 3000, "assetId", java.util.UUID.randomUUID().toString()))
                .post("/internal/v1/quotas/{org}/reserve", organization)
                .then().statusCode(200).body("granted", equalTo(true)).body("quota.storageBytes.used", equalTo(3000));
        // 3000 + 2500 passes the storage limit: nothing is counted, uploads included.
        internal().body(Map.of("uploads", 1, "storageBytes", 2500))
                .post("/internal/v1/quotas/{org}/reserve", organization)
                .then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .header("RateLimit-Limit", "5000")
                .header("RateLimit-Remaining", "2000")
                .body("detail", org.hamcrest.Matchers.containsString("storage quota"));
        internal().body(Map.of("uploads", 5, "storageBytes", 99_999))
                .post("/internal/v1/quotas/{org}/release", organization)
                .then().statusCode(200).body("quota.uploads.used", equalTo(0)).body("quota.storageBytes.used", equalTo(0));

        internal().body(Map.of("uploads", -1, "storageBytes", 0))
                .post("/internal/v1/quotas/{org}/reserve", organization)
                .then().statusCode(400).body("errors[0].field", equalTo("uploads"));
        given().contentType(ContentType.JSON).body(Map.of("uploads", 1, "storageBytes", 1))
                .post("/internal/v1/quotas/{org}/reserve", organization).then().statusCode(401);
        internal().delete("/internal/v1/quotas/{org}/override", organization).then().statusCode(204);
        internal().delete("/internal/v1/quotas/{org}/override", organization).then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification internal() {
        return given().header("X-Internal-Token", ServicesResource.INTERNAL_TOKEN).contentType(ContentType.JSON);
    }

    private static io.restassured.response.Response setOverride(Tenants.Tenant tenant, Map<String, Object> limits) {
        return internal().body(limits).put("/internal/v1/quotas/{org}/override", tenant.organizationId());
    }

    private static JsonPath quotas(Tenants.Tenant tenant) {
        return given().header("X-API-Key", tenant.key()).get("/api/v1/quotas").then().statusCode(200)
                .header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
    }
}
