package io.certana.verification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.certana.imaging.attack.Attacks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Registers photos through the real asset-service, then verifies copies of the watermarked
 * outputs: the file itself, benign edits, a splice from another photo and an unrelated photo.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyFlowTest {

    private Tenants.Tenant tenant;
    private AssetService.Registered coffee;
    private AssetService.Registered astronaut;
    private BufferedImage coffeeMarked;
    private BufferedImage astronautMarked;

    @BeforeAll
    void register() {
        tenant = Tenants.primary();
        coffee = ServicesResource.asset().register(tenant.key(), Photos.skimage("coffee.png"), "coffee.png",
                "image/png");
        astronaut = ServicesResource.asset().register(tenant.key(), Photos.skimage("astronaut.png"), "astronaut.png",
                "image/png");
        coffeeMarked = Photos.decode(coffee.watermarked());
        astronautMarked = Photos.decode(astronaut.watermarked());
    }

    @Test
    void watermarkedFileIsExactMatch() {
        JsonPath result = verified(VerifyApi.verifyWithKey(tenant.key(), coffee.watermarked(), "coffee.png",
                "image/png"));

        assertEquals("authentic", result.getString("verdict"));
        assertEquals("exact-match", result.getString("rule"));
        assertEquals(1.0, result.getDouble("confidence"));
        assertEquals(coffee.id().toString(), result.getString("matchedAsset.id"));
        assertEquals(tenant.organizationId().toString(), result.getString("matchedAsset.organizationId"));
        assertNotNull(result.getString("matchedAsset.cid"));
        assertNotNull(result.getString("matchedAsset.registeredAt"));
        assertTrue(result.getBoolean("evidence.contentHashMatch"));
        assertTrue(result.getBoolean("evidence.watermark.detected"));
        assertTrue(result.getBoolean("evidence.watermark.tracks.b.detected"));
        assertFalse(result.getBoolean("evidence.watermark.tracks.c.configured"));
        assertTrue(result.getBoolean("evidence.commitment.signatureValid"));
        assertFalse(result.getBoolean("evidence.commitment.anchored"));
        assertEquals("pending", result.getString("evidence.commitment.confirmationStatus"));
        assertTrue(result.getBoolean("evidence.fingerprint.matchFound"));
        assertEquals(0, result.getInt("evidence.fingerprint.pdqDistance"));
        assertFalse(result.getBoolean("evidence.tamper.detected"));
        assertNotNull(result.getString("modelVersion"));
        assertTrue(result.getLong("processingTimeMs") >= 0);
    }

    @Test
    void benignCopiesAreAuthentic() {
        List<Attacks.Copy> copies = List.of(
                Attacks.jpeg(coffeeMarked, 50),
                Attacks.resize(coffeeMarked, 0.5),
                Attacks.centreCrop(coffeeMarked, 0.90),
                Attacks.screenshot(coffeeMarked, 1280),
                Attacks.jpeg(astronautMarked, 50),
                Attacks.resize(astronautMarked, 0.5),
                Attacks.centreCrop(astronautMarked, 0.90),
                Attacks.screenshot(astronautMarked, 1280));
        for (Attacks.Copy copy : copies) {
            JsonPath result = verified(VerifyApi.verifyWithKey(tenant.key(), copy));
            String expectedAsset = copies.indexOf(copy) < 4 ? coffee.id().toString() : astronaut.id().toString();
            assertEquals("authentic", result.getString("verdict"), copy.name() + ": " + result.prettify());
            assertEquals("watermark-intact", result.getString("rule"), copy.name());
            assertEquals(expectedAsset, result.getString("matchedAsset.id"), copy.name());
            assertTrue(result.getDouble("confidence") >= 0.9, copy.name());
            assertFalse(result.getBoolean("evidence.contentHashMatch"), copy.name());
            assertTrue(result.getBoolean("evidence.commitment.signatureValid"), copy.name());
        }
    }

    @Test
    void pastedRegionIsForged() {
        BufferedImage donor = Photos.decode(Photos.skimage("chelsea.png"));
        Attacks.Copy copy = Attacks.paste(coffeeMarked, donor, 0.10, 0.35, 0.45);

        JsonPath result = verified(VerifyApi.verifyWithKey(tenant.key(), copy));

        assertEquals("forged", result.getString("verdict"), result.prettify());
        assertEquals("local-edit", result.getString("rule"));
        assertEquals(coffee.id().toString(), result.getString("matchedAsset.id"));
        assertTrue(result.getBoolean("evidence.tamper.detected"));
        int blockSize = result.getInt("evidence.tamper.blockSize");
        List<Map<String, Object>> regions = result.getList("evidence.tamper.regions");
        // Blocks that the pasted edge only partly covers may stay below the threshold, so the pasted
        // rectangle must lie inside a reported region up to one block on each side.
        Rectangle pasted = copy.editedArea();
        Rectangle core = new Rectangle(pasted.x + blockSize, pasted.y + blockSize, pasted.width - 2 * blockSize,
                pasted.height - 2 * blockSize);
        boolean inside = regions.stream().map(region -> new Rectangle((Integer) region.get("x"),
                (Integer) region.get("y"), (Integer) region.get("width"), (Integer) region.get("height")))
                .anyMatch(region -> region.contains(core));
        assertTrue(inside, "pasted area " + pasted + " is not inside a reported region: " + regions);
    }

    @Test
    void unrelatedPhotoIsUnknown() {
        JsonPath result = verified(VerifyApi.verifyWithKey(tenant.key(), Photos.skimage("rocket.jpg"), "rocket.jpg",
                "image/jpeg"));

        assertEquals("unknown", result.getString("verdict"), result.prettify());
        assertEquals("no-match", result.getString("rule"));
        assertEquals(0.0, result.getDouble("confidence"));
        assertNull(result.get("matchedAsset"));
        assertFalse(result.getBoolean("evidence.contentHashMatch"));
        assertFalse(result.getBoolean("evidence.watermark.detected"));
        assertFalse(result.getBoolean("evidence.fingerprint.matchFound"));
        assertFalse(result.getBoolean("evidence.commitment.signatureValid"));
    }

    @Test
    void logsListOrganizationVerifications() {
        String id = verified(VerifyApi.verifyWithKey(tenant.key(), Attacks.jpeg(astronautMarked, 75)))
                .getString("verificationId");
        String anonymousId = verified(VerifyApi.verifyAnonymously("198.51.100.20", astronaut.watermarked(),
                "astronaut.png", "image/png")).getString("verificationId");

        JsonPath one = given().header("X-API-Key", tenant.key()).get("/api/v1/verifications/{id}", id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("authentic", one.getString("verdict"));
        assertEquals(200, one.getInt("statusCode"));
        assertEquals(astronaut.id().toString(), one.getString("matchedAssetId"));
        assertNotNull(one.getString("userAgent"));
        assertEquals("127.0.0.1", one.getString("requesterIp"));
        assertTrue(one.getMap("timings").containsKey("decodeMs"));
        assertTrue(one.getMap("timings").containsKey("matchMs"));
        assertNotNull(one.get("evidence.watermark"));

        JsonPath page = given().header("X-API-Key", tenant.key()).queryParam("verdict", "authentic")
                .queryParam("size", 100).get("/api/v1/verifications").then().statusCode(200).extract().jsonPath();
        List<String> ids = page.getList("items.id");
        assertTrue(ids.contains(id), "listing lacks " + id);
        assertFalse(ids.contains(anonymousId), "an anonymous verification is not the organization's");
        assertTrue(page.getList("items.verdict").stream().allMatch("authentic"::equals));
        assertTrue(page.getLong("total") >= 1);

        // A user token acts on the organization named in X-Organization-Id.
        given().header("Authorization", "Bearer " + tenant.owner().accessToken())
                .header("X-Organization-Id", tenant.organizationId().toString())
                .get("/api/v1/verifications/{id}", id).then().statusCode(200);
        // Another organization does not see the log.
        given().header("X-API-Key", Tenants.other().key()).get("/api/v1/verifications/{id}", id)
                .then().statusCode(404);
        given().header("X-API-Key", tenant.key()).get("/api/v1/verifications/{id}", UUID.randomUUID())
                .then().statusCode(404);
        given().header("X-API-Key", tenant.key()).queryParam("verdict", "maybe").get("/api/v1/verifications")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("verdict"));
    }

    private static JsonPath verified(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        assertNotNull(response.header("RateLimit-Limit"), "RateLimit-Limit header");
        assertNotNull(response.header("RateLimit-Remaining"), "RateLimit-Remaining header");
        assertNotNull(response.header("RateLimit-Reset"), "RateLimit-Reset header");
        return response.jsonPath();
    }
}
