package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.certana.testing.IdentityService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Who may do what: scopes of API keys, roles of JWT callers, and the organization boundary. Also
 * the listing with its filters and paging.
 */
@QuarkusTest
class AccessTest {

    @Test
    void anonymousRequestIs401() {
        given().get("/api/v1/assets").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://certana.io/problems/unauthorized"));
        given().multiPart("file", "a.png", TestPictures.png(200, 200, 301), "image/png").post("/api/v1/assets")
                .then().statusCode(401);
    }

    @Test
    void readOnlyKeyCannotWrite() {
        Tenants.Tenant tenant = Tenants.primary();
        AssetApi.upload(tenant.readKey(), TestPictures.png(200, 200, 302), "a.png", "image/png").then().statusCode(403)
                .body("type", equalTo("https://certana.io/problems/forbidden"));
        UUID id = AssetApi.register(tenant.writeKey(), TestPictures.png(200, 200, 303), "b.png", "image/png");
        withKey(tenant.readKey()).delete("/api/v1/assets/{id}", id).then().statusCode(403);
        AssetApi.get(tenant.readKey(), id).then().statusCode(200);
    }

    @Test
    void ownerTokenNeedsOrganizationHeader() {
        Tenants.Tenant tenant = Tenants.primary();
        String token = IdentityServiceResource.identity().login(tenant.owner().email());
        given().auth().oauth2(token).multiPart("file", "c.png", TestPictures.png(200, 200, 304), "image/png")
                .post("/api/v1/assets").then().statusCode(400)
                .body("errors[0].field", equalTo("X-Organization-Id"));

        Response created = given().auth().oauth2(token).header("X-Organization-Id", tenant.organizationId())
                .multiPart("file", "c.png", TestPictures.png(200, 200, 304), "image/png").post("/api/v1/assets");
        created.then().statusCode(202);
        AssetApi.get(tenant.readKey(), UUID.fromString(created.path("id"))).then().statusCode(200);

        // The owner of one organization is not a member of the other: 404, so existence does not leak.
        given().auth().oauth2(token).header("X-Organization-Id", Tenants.other().organizationId())
                .get("/api/v1/assets").then().statusCode(404);
    }

    @Test
    void viewerReadsButCannotUpload() {
        Tenants.Tenant tenant = Tenants.primary();
        IdentityService.Account viewer = Tenants.viewerOfPrimary();
        given().auth().oauth2(viewer.accessToken()).header("X-Organization-Id", tenant.organizationId())
                .get("/api/v1/assets").then().statusCode(200);
        given().auth().oauth2(viewer.accessToken()).header("X-Organization-Id", tenant.organizationId())
                .multiPart("file", "d.png", TestPictures.png(200, 200, 305), "image/png").post("/api/v1/assets")
                .then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("role 'viewer'"));
    }

    @Test
    void listFiltersByTagStatusAndPage() {
        Tenants.Tenant tenant = Tenants.other();
        String tag = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = uploadTagged(tenant, TestPictures.png(200, 200, 306), tag + ",sky");
        UUID second = uploadTagged(tenant, TestPictures.png(200, 200, 307), tag);
        AssetApi.awaitCompleted(tenant.writeKey(), first);
        AssetApi.awaitCompleted(tenant.writeKey(), second);

        withKey(tenant.readKey()).queryParam("tag", tag).get("/api/v1/assets").then().statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.id", contains(second.toString(), first.toString()))
                .body("items[1].tags", contains(tag, "sky"))
                .body("items[0].watermark.payload", org.hamcrest.Matchers.notNullValue())
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("metadata")));
        withKey(tenant.readKey()).queryParam("tag", tag).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/assets").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(first.toString()));
        withKey(tenant.readKey()).queryParam("tag", "sky").queryParam("status", "failed").get("/api/v1/assets")
                .then().statusCode(200)
                .body("items.id", not(hasItem(first.toString())));
        withKey(tenant.readKey()).queryParam("status", "completed").get("/api/v1/assets").then().statusCode(200)
                .body("items.processingStatus", everyItem(equalTo("completed")));

        // The primary organization's listing never shows these.
        withKey(Tenants.primary().readKey()).queryParam("tag", tag).get("/api/v1/assets").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void invalidListParametersAre400() {
        String key = Tenants.primary().readKey();
        withKey(key).queryParam("size", 0).get("/api/v1/assets").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        withKey(key).queryParam("size", 101).get("/api/v1/assets").then().statusCode(400);
        withKey(key).queryParam("page", -1).get("/api/v1/assets").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        withKey(key).queryParam("status", "done").get("/api/v1/assets").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        withKey(key).get("/api/v1/assets/not-a-uuid").then().statusCode(404);
        withKey(key).get("/api/v1/assets/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private static UUID uploadTagged(Tenants.Tenant tenant, byte[] image, String tags) {
        Response response = withKey(tenant.writeKey()).multiPart("file", "tagged.png", image, "image/png")
                .multiPart("tags", tags).multiPart("title", "Tagged picture").post("/api/v1/assets");
        response.then().statusCode(202);
        return UUID.fromString(response.path("id"));
    }
}
