package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.certana.asset.storage.BlobStore;
import io.certana.asset.storage.FilesystemBlobStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The same bytes are registered once across the platform: the organization that registered them
 * gets its asset back, any other organization gets 409 with the existing CID, and the unique
 * index decides concurrent uploads.
 */
@QuarkusTest
class DeduplicationTest {

    @Inject
    FilesystemBlobStore blobs;

    @Test
    void sameBytesSameOrganizationReturnsExisting() {
        Tenants.Tenant tenant = Tenants.primary();
        byte[] image = TestPictures.png(400, 300, 201);
        UUID id = AssetApi.register(tenant.writeKey(), image, "first.png", "image/png");

        Response again = AssetApi.upload(tenant.writeKey(), image, "second-name.png", "image/png");
        again.then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .header("Location", endsWith("/api/v1/assets/" + id));
        AssetApi.awaitCompleted(tenant.writeKey(), id);
        AssetApi.upload(tenant.writeKey(), image, "third.png", "image/png").then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("processingStatus", equalTo("completed"));
    }

    @Test
    void otherOrganizationGets409() {
        Tenants.Tenant owner = Tenants.primary();
        Tenants.Tenant other = Tenants.other();
        byte[] image = TestPictures.png(400, 300, 202);
        UUID id = AssetApi.register(owner.writeKey(), image, "claimed.png", "image/png");
        String cid = AssetApi.get(owner.readKey(), id).path("cid");

        AssetApi.upload(other.writeKey(), image, "copy.png", "image/png").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://certana.io/problems/asset-already-registered"))
                .body("status", equalTo(409))
                .body("existingCid", equalTo(cid));

        // The other organization does not see the asset at all.
        AssetApi.get(other.readKey(), id).then().statusCode(404)
                .body("type", equalTo("https://certana.io/problems/not-found"));
        withKey(other.readKey()).get("/api/v1/assets/{id}/original", id).then().statusCode(404);
        withKey(other.readKey()).get("/api/v1/assets/{id}/commitment", id).then().statusCode(404);
        withKey(other.writeKey()).delete("/api/v1/assets/{id}", id).then().statusCode(404);
        AssetApi.get(owner.readKey(), id).then().statusCode(200);
    }

    @Test
    void watermarkedOutputIsAlsoClaimed() {
        Tenants.Tenant owner = Tenants.primary();
        Tenants.Tenant other = Tenants.other();
        UUID id = AssetApi.register(owner.writeKey(), TestPictures.png(400, 300, 203), "marked.png", "image/png");
        Response asset = AssetApi.awaitCompleted(owner.writeKey(), id);
        byte[] watermarked = withKey(owner.readKey()).get("/api/v1/assets/{id}/watermarked", id)
                .then().statusCode(200).extract().asByteArray();

        AssetApi.upload(other.writeKey(), watermarked, "found-online.png", "image/png").then().statusCode(409)
                .body("existingCid", equalTo(asset.path("watermarked.cid")));
        AssetApi.upload(owner.writeKey(), watermarked, "own-output.png", "image/png").then().statusCode(200)
                .body("id", equalTo(id.toString()));
    }

    @Test
    void concurrentUploadsCreateOneAsset() throws Exception {
        Tenants.Tenant tenant = Tenants.primary();
        byte[] image = TestPictures.png(500, 400, 204);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Response> upload = () -> AssetApi.upload(tenant.writeKey(), image, "race.png", "image/png");
                uploads.add(pool.submit(upload));
            }
            int created = 0;
            List<String> ids = new ArrayList<>();
            for (Future<Response> upload : uploads) {
                Response response = upload.get();
                assertTrue(response.statusCode() == 202 || response.statusCode() == 200, response.asString());
                created += response.statusCode() == 202 ? 1 : 0;
                ids.add(response.path("id"));
            }
            assertEquals(1, created, "exactly one upload creates the asset");
            assertEquals(1, ids.stream().distinct().count(), "all uploads refer to one asset: " + ids);
            AssetApi.awaitCompleted(tenant.writeKey(), UUID.fromString(ids.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void uploadRestoresMissingBlobs() throws Exception {
        Tenants.Tenant tenant = Tenants.primary();
        byte[] image = TestPictures.png(400, 300, 207);
        UUID id = AssetApi.register(tenant.writeKey(), image, "kept.png", "image/png");
        Response asset = AssetApi.awaitCompleted(tenant.writeKey(), id);
        byte[] output = withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", id).then().statusCode(200)
                .extract().asByteArray();
        Path original = blobs.root().resolve(BlobStore.keyFor(asset.path("contentHash")));
        Path marked = blobs.root().resolve(BlobStore.keyFor(asset.path("watermarked.contentHash")));
        Files.delete(original);
        Files.delete(marked);

        withKey(tenant.readKey()).get("/api/v1/assets/{id}/original", id).then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("Upload the same file again"));

        AssetApi.upload(tenant.writeKey(), image, "again.png", "image/png").then().statusCode(200)
                .body("id", equalTo(id.toString()));
        assertTrue(Files.exists(original), "the upload put the original back");
        byte[] restored = withKey(tenant.readKey()).get("/api/v1/assets/{id}/original", id).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(image, restored);

        withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", id).then().statusCode(503);
        AssetApi.upload(tenant.writeKey(), output, "marked.png", "image/png").then().statusCode(200)
                .body("id", equalTo(id.toString()));
        byte[] restoredOutput = withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", id).then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(output, restoredOutput);
    }

    @Test
    void otherOrganizationRegistersAfterDeletion() {
        Tenants.Tenant owner = Tenants.primary();
        Tenants.Tenant other = Tenants.other();
        byte[] image = TestPictures.png(400, 300, 205);
        UUID id = AssetApi.register(owner.writeKey(), image, "released.png", "image/png");
        Response asset = AssetApi.awaitCompleted(owner.writeKey(), id);
        Path original = blobs.root().resolve(BlobStore.keyFor(asset.path("contentHash")));
        Path output = blobs.root().resolve(BlobStore.keyFor(asset.path("watermarked.contentHash")));
        assertTrue(Files.isRegularFile(original), "the original is not stored at " + original);
        assertTrue(Files.isRegularFile(output), "the output is not stored at " + output);

        withKey(owner.writeKey()).delete("/api/v1/assets/{id}", id).then().statusCode(204);
        assertFalse(Files.exists(original), "the deleted asset's original is still stored");
        assertFalse(Files.exists(output), "the deleted asset's output is still stored");
        AssetApi.get(owner.readKey(), id).then().statusCode(404);
        withKey(owner.writeKey()).delete("/api/v1/assets/{id}", id).then().statusCode(404);

        UUID second = AssetApi.register(other.writeKey(), image, "released.png", "image/png");
        AssetApi.awaitCompleted(other.writeKey(), second);
        withKey(other.readKey()).get("/api/v1/assets/{id}/original", second).then().statusCode(200);
    }
}
