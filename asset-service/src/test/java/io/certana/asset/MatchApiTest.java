package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.encode.ImageEncoder;
import io.certana.imaging.pdq.Hash256;
import io.certana.imaging.pdq.PdqHasher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * verification-service's view: {@code POST /internal/v1/matches} finds a registered asset by
 * content hash, watermark payload and PDQ hash in one round trip, with its signed commitment.
 */
@QuarkusTest
class MatchApiTest {

    private static UUID assetId;
    private static Response asset;
    private static byte[] watermarked;

    @BeforeEach
    void registerOnce() {
        if (assetId != null) {
            return;
        }
        Tenants.Tenant tenant = Tenants.other();
        assetId = AssetApi.register(tenant.writeKey(), TestPictures.jpeg(900, 600, 601, 0.92f), "match.jpg",
                "image/jpeg");
        asset = AssetApi.awaitCompleted(tenant.writeKey(), assetId);
        watermarked = withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", assetId)
                .then().statusCode(200).extract().asByteArray();
    }

    @Test
    void missingInternalTokenIs401() {
        given().contentType(ContentType.JSON).body(Map.of("contentHash", field("contentHash")))
                .post("/internal/v1/matches").then().statusCode(401);
        given().header("X-Internal-Token", "wrong").contentType(ContentType.JSON)
                .body(Map.of("contentHash", field("contentHash"))).post("/internal/v1/matches")
                .then().statusCode(401);
    }

    @Test
    void contentHashFindsOriginalAndOutput() {
        match(Map.of("contentHash", field("contentHash"))).then().statusCode(200)
                .body("candidates.assetId", contains(assetId.toString()))
                .body("candidates[0].matchedBy", contains("contentHash"))
                .body("candidates[0].organizationId", equalTo(Tenants.other().organizationId().toString()))
                .body("candidates[0].processingStatus", equalTo("completed"))
                .body("candidates[0].watermarkPayload", equalTo(field("watermark.payload")))
                .body("candidates[0].commitment.confirmationStatus", equalTo("pending"))
                .body("candidates[0].commitment.publicKey", startsWith("-----BEGIN PUBLIC KEY-----"))
                .body("candidates[0].commitment.commitmentHash", equalTo(field("commitment.commitmentHash")));
        match(Map.of("contentHash", field("watermarked.contentHash"))).then().statusCode(200)
                .body("candidates.assetId", contains(assetId.toString()));
    }

    @Test
    void watermarkPayloadFindsAsset() {
        match(Map.of("watermarkPayloads", List.of(field("watermark.payload"), "0000000000000001")))
                .then().statusCode(200)
                .body("candidates.assetId", contains(assetId.toString()))
                .body("candidates[0].matchedBy", contains("watermark"));
    }

    @Test
    void pdqOfRecompressedCopyFindsAsset() throws Exception {
        DecodedImage image = new ImageDecoder().decode(watermarked, DecodeMode.RAW);
        byte[] copy = new ImageEncoder().encodeJpeg(image.image(), 0.6f);
        List<String> hashes = new PdqHasher().hashDihedral(new ImageDecoder().decode(copy, DecodeMode.RAW)).all()
                .stream().map(Hash256::toHex).toList();

        Response response = match(Map.of("pdqHashes", hashes, "limit", 5));
        response.then().statusCode(200)
                .body("candidates.assetId", hasItem(assetId.toString()))
                .body("candidates[0].matchedBy", hasItem("pdq"))
                .body("candidates[0].pdqDistance", lessThanOrEqualTo(31))
                .body("candidates[0].pdqHash", equalTo(field("fingerprint.pdqHash")));
    }

    @Test
    void allProbesInOneRequest() {
        Response response = match(Map.of(
                "contentHash", field("watermarked.contentHash"),
                "watermarkPayloads", List.of(field("watermark.payload")),
                "pdqHashes", List.of(field("fingerprint.pdqHash"))));
        response.then().statusCode(200)
                .body("candidates[0].assetId", equalTo(assetId.toString()))
                .body("candidates[0].matchedBy", contains("contentHash", "watermark", "pdq"))
                .body("candidates[0].pdqDistance", equalTo(0));
    }

    @Test
    void unrelatedHashFindsNothing() {
        String inverted = Hash256.fromHex(field("fingerprint.pdqHash")).toBitString().chars()
                .mapToObj(bit -> bit == '0' ? "1" : "0").reduce("", String::concat);
        match(Map.of("pdqHashes", List.of(Hash256.fromBitString(inverted).toHex()),
                "contentHash", "0".repeat(64))).then().statusCode(200)
                .body("candidates", empty());
    }

    @Test
    void invalidProbesAre400() {
        match(Map.of()).then().statusCode(400).contentType("application/problem+json");
        match(Map.of("pdqHashes", List.of("abc"))).then().statusCode(400)
                .body("errors[0].field", equalTo("pdqHashes[0]"));
        match(Map.of("watermarkPayloads", List.of("xyz"))).then().statusCode(400)
                .body("errors[0].field", equalTo("watermarkPayloads[0]"));
        match(Map.of("clipEmbedding", List.of(0.1, 0.2))).then().statusCode(400)
                .body("errors[0].field", equalTo("clipEmbedding"));
        match(Map.of("contentHash", "nothex")).then().statusCode(400)
                .body("errors[0].field", equalTo("contentHash"));
        match(Map.of("contentHash", field("contentHash"), "limit", 0)).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        match(Map.of("trackCPayloads", List.of(-5))).then().statusCode(400)
                .body("errors[0].field", equalTo("trackCPayloads[0]"));
    }

    @Test
    void trackCValueFindsAsset() {
        String trackC = match(Map.of("contentHash", field("contentHash"))).path("candidates[0].trackCPayload");
        Assumptions.assumeTrue(trackC != null,
                "Skipped: Track C is not configured (../shared/models/rivagan absent)");
        assertEquals(8, trackC.length(), "RivaGAN carries 32 bits");
        match(Map.of("trackCPayloads", List.of(trackC))).then().statusCode(200)
                .body("candidates.assetId", hasItem(assetId.toString()))
                .body("candidates.find { it.assetId == '" + assetId + "' }.matchedBy", hasItem("trackC"));
        long asNumber = Long.parseLong(trackC, 16);
        match(Map.of("trackCPayloads", List.of(asNumber))).then().statusCode(200)
                .body("candidates.assetId", hasItem(assetId.toString()));
        AssetApi.get(Tenants.other().readKey(), assetId).then()
                .body("watermark.tracks.c.embedded", equalTo(true))
                // RivaGAN carries no error correction, so one flipped bit makes the read differ from
                // the stored value. The flag is then false, but an embedded track always has one.
                .body("watermark.tracks.c.detected", notNullValue());
    }

    /** Returns a text field of the registered asset's view. */
    private static String field(String path) {
        return asset.path(path);
    }

    private static Response match(Map<String, ?> body) {
        return given().header("X-Internal-Token", IdentityServiceResource.INTERNAL_TOKEN)
                .contentType(ContentType.JSON).body(body).post("/internal/v1/matches");
    }
}
