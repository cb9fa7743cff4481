package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.certana.embedding.EmbeddingModelSpec;
import io.certana.embedding.ImageEmbedder;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.encode.ImageEncoder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Fingerprints at registration: near-duplicates among the registered assets are recorded both
 * ways, and CLIP and DINO embeddings (from the tiny test models) are stored with the right
 * dimensions and found again by the match API.
 */
@QuarkusTest
class FingerprintTest {

    @Inject
    EntityManager entityManager;

    @Test
    void nearDuplicateRecordedBothWays() {
        byte[] png = TestPictures.png(700, 500, 701);
        byte[] recompressed = new ImageEncoder().encodeJpeg(TestPictures.image(700, 500, 701), 0.5f);
        UUID first = AssetApi.register(Tenants.primary().writeKey(), png, "scene.png", "image/png");
        AssetApi.awaitCompleted(Tenants.primary().writeKey(), first);
        UUID second = AssetApi.register(Tenants.other().writeKey(), recompressed, "scene-copy.jpg", "image/jpeg");
        AssetApi.awaitCompleted(Tenants.other().writeKey(), second);

        List<Object[]> rows = matches(first, second);
        assertEquals(2, rows.size(), "the pair is recorded once in each direction");
        for (Object[] row : rows) {
            int distance = ((Number) row[2]).intValue();
            String[] matchedBy = (String[]) row[3];
            assertTrue(distance <= 31, "PDQ distance " + distance + " exceeds the threshold");
            assertTrue(Arrays.asList(matchedBy).contains("pdq"), Arrays.toString(matchedBy));
            assertTrue((Boolean) row[4], "is_match");
        }
        assertEquals(((Number) rows.get(0)[2]).intValue(), ((Number) rows.get(1)[2]).intValue());
    }

    @Test
    void unrelatedImagesAreNotMatched() {
        UUID first = AssetApi.register(Tenants.primary().writeKey(), TestPictures.png(600, 400, 702), "a.png",
                "image/png");
        UUID second = AssetApi.register(Tenants.primary().writeKey(),
                new ImageEncoder().encodePng(TestPictures.image(400, 600, 703)), "b.png", "image/png");
        AssetApi.awaitCompleted(Tenants.primary().writeKey(), first);
        AssetApi.awaitCompleted(Tenants.primary().writeKey(), second);
        for (Object[] row : matches(first, second)) {
            assertTrue(!Arrays.asList((String[]) row[3]).contains("pdq"),
                    "unrelated images matched by PDQ at distance " + row[2]);
        }
    }

    @Test
    void embeddingsStoredAndSearchable() throws Exception {
        Path clipModel = SharedModelsResource.find(SharedModelsResource.CLIP);
        Path dinoModel = SharedModelsResource.find(SharedModelsResource.DINO);
        Assumptions.assumeTrue(clipModel != null && dinoModel != null,
                "Skipped: the tiny embedding models in ../shared/models/tiny are absent");
        Tenants.Tenant tenant = Tenants.primary();
        UUID id = AssetApi.register(tenant.writeKey(), TestPictures.png(520, 390, 704), "embedded.png", "image/png");
        Response asset = AssetApi.awaitCompleted(tenant.writeKey(), id);
        asset.then().body("fingerprint.embeddingModel", equalTo("clip:tiny_clip_768.onnx,dino:tiny_dino_1024.onnx"));

        Object[] dimensions = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT vector_dims(clip_embedding), vector_dims(dino_embedding) FROM fingerprints WHERE asset_id = :id")
                .setParameter("id", id).getSingleResult());
        assertEquals(768, ((Number) dimensions[0]).intValue());
        assertEquals(1024, ((Number) dimensions[1]).intValue());

        // The same model on the downloaded output gives the stored vector again.
        byte[] output = withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", id)
                .then().statusCode(200).extract().asByteArray();
        DecodedImage image = new ImageDecoder().decode(output, DecodeMode.RAW);
        float[] clip;
        float[] dino;
        try (ImageEmbedder clipEmbedder = new ImageEmbedder(EmbeddingModelSpec.clip(clipModel));
                ImageEmbedder dinoEmbedder = new ImageEmbedder(EmbeddingModelSpec.dino(dinoModel))) {
            clip = clipEmbedder.embed(image.image());
            dino = dinoEmbedder.embed(image.image());
        }
        double storedSimilarity = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT 1 - (clip_embedding <=> CAST(:probe AS vector)) FROM fingerprints "
                        + "WHERE asset_id = :id")
                .setParameter("probe", Arrays.toString(clip)).setParameter("id", id).getSingleResult()).doubleValue());
        assertEquals(1.0, storedSimilarity, 1e-5, "the stored CLIP embedding differs from a recomputed one");

        Response response = given().header("X-Internal-Token", IdentityServiceResource.INTERNAL_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("clipEmbedding", clip, "dinoEmbedding", dino, "limit", 50))
                .post("/internal/v1/matches");
        response.then().statusCode(200).body("candidates.assetId", hasItem(id.toString()));
        Map<String, Object> candidate = response.jsonPath()
                .getMap("candidates.find { it.assetId == '" + id + "' }");
        assertNotNull(candidate);
        assertEquals(1.0, ((Number) candidate.get("clipSimilarity")).doubleValue(), 1e-4);
        assertEquals(1.0, ((Number) candidate.get("dinoSimilarity")).doubleValue(), 1e-4);
        response.then().body("candidates.size()", greaterThan(0));
    }

    /** Returns [source asset, target asset, pdq_distance, matched_by, is_match] rows between two assets. */
    @SuppressWarnings("unchecked")
    private List<Object[]> matches(UUID first, UUID second) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT source_asset_id, target_asset_id, pdq_distance, matched_by, is_match
                FROM fingerprint_matches
                WHERE (source_asset_id = :a AND target_asset_id = :b) OR (source_asset_id = :b AND target_asset_id = :a)""")
                .setParameter("a", first).setParameter("b", second).getResultList());
    }
}
