package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Uploads count against the organization's quota through verification-service's internal API: a
 * reservation before anything is stored, one for the watermarked output, a release on deletion;
 * 429 passes through with Retry-After, and an unreachable quota service stops the upload with 503.
 */
@QuarkusTest
@TestProfile(QuotaTest.QuotaProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotaTest {

    /** Quotas on, against {@link QuotaStub}. */
    public static class QuotaProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(QuotaStub.class));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void reset() {
        QuotaStub.CALLS.clear();
        QuotaStub.mode = QuotaStub.Mode.GRANT;
    }

    @Test
    @Order(1)
    void uploadReservesAndDeleteReleases() throws Exception {
        Tenants.Tenant tenant = Tenants.primary();
        byte[] image = TestPictures.png(400, 300, 801);
        UUID id = AssetApi.register(tenant.writeKey(), image, "counted.png", "image/png");
        Response asset = AssetApi.awaitCompleted(tenant.writeKey(), id);
        long outputSize = ((Number) asset.path("watermarked.fileSizeBytes")).longValue();

        List<QuotaStub.Call> reservations = calls("/reserve");
        assertEquals(2, reservations.size(), "the upload and the watermarked output: " + QuotaStub.CALLS);
        String prefix = "/internal/v1/quotas/" + tenant.organizationId();
        assertEquals(prefix + "/reserve", reservations.get(0).path());
        assertEquals(IdentityServiceResource.INTERNAL_TOKEN, reservations.get(0).token());
        checkBody(reservations.get(0), 1, image.length, id);
        checkBody(reservations.get(1), 0, outputSize, id);

        withKey(tenant.writeKey()).delete("/api/v1/assets/{id}", id).then().statusCode(204);
        List<QuotaStub.Call> releases = calls("/release");
        assertEquals(1, releases.size());
        assertEquals(prefix + "/release", releases.get(0).path());
        checkBody(releases.get(0), 1, image.length + outputSize, id);
    }

    @Test
    @Order(2)
    void exhaustedQuotaIs429AndStoresNothing() {
        QuotaStub.mode = QuotaStub.Mode.DENY;
        byte[] image = TestPictures.png(400, 300, 802);
        AssetApi.upload(Tenants.primary().writeKey(), image, "over.png", "image/png").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "120")
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("https://certana.io/problems/rate-limited"))
                .body("detail", containsString("quota"));
        assertFalse(assetExists(image), "a refused upload was stored");
    }

    @Test
    @Order(3)
    void failingQuotaServiceIs503() {
        QuotaStub.mode = QuotaStub.Mode.FAIL;
        byte[] image = TestPictures.png(400, 300, 803);
        AssetApi.upload(Tenants.primary().writeKey(), image, "broken.png", "image/png").then().statusCode(503)
                .body("detail", containsString("quota service is unavailable"));
        assertFalse(assetExists(image), "an upload was stored without a reservation");
    }

    @Test
    @Order(4)
    void unreachableQuotaServiceIs503() {
        QuotaStub.shutDown();
        byte[] image = TestPictures.png(400, 300, 804);
        AssetApi.upload(Tenants.primary().writeKey(), image, "down.png", "image/png").then().statusCode(503)
                .header("Retry-After", "30")
                .body("type", equalTo("https://certana.io/problems/service-unavailable"));
        assertFalse(assetExists(image), "an upload was stored without a reservation");
    }

    private static List<QuotaStub.Call> calls(String suffix) {
        return QuotaStub.CALLS.stream().filter(call -> call.path().endsWith(suffix)).toList();
    }

    private static void checkBody(QuotaStub.Call call, int uploads, long storageBytes, UUID assetId) throws Exception {
        JsonNode body = JSON.readTree(call.body());
        assertEquals(uploads, body.get("uploads").asInt(), call.body());
        assertEquals(storageBytes, body.get("storageBytes").asLong(), call.body());
        assertEquals(assetId.toString(), body.get("assetId").asText(), call.body());
    }

    private boolean assetExists(byte[] image) {
        String sha256 = new io.certana.imaging.cid.ContentIdentifierCalculator().compute(image).sha256();
        long count = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM assets WHERE content_hash = :hash")
                .setParameter("hash", sha256).getSingleResult()).longValue());
        assertTrue(count <= 1);
        return count == 1;
    }
}
