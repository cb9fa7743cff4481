package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.certana.testing.TestJwt;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The platform's organization and scope checks for requests that name their organization in
 * {@code X-Organization-Id}, as the other services receive them.
 */
@QuarkusTest
class CallerContextTest {

    @Inject
    MockMailbox mailbox;

    private UUID organizationId;
    private String ownerToken;
    private String viewerToken;
    private String outsiderToken;
    private String readKey;

    @BeforeEach
    void organizationWithViewer() {
        String owner = IdentityApi.uniqueEmail("ctx-owner");
        IdentityApi.verifiedUser(mailbox, owner);
        ownerToken = IdentityApi.accessToken(owner);
        organizationId = IdentityApi.createOrganization(ownerToken, "Context Org");

        String viewer = IdentityApi.uniqueEmail("ctx-viewer");
        IdentityApi.verifiedUser(mailbox, viewer);
        IdentityApi.addMember(ownerToken, organizationId, viewer, "viewer").then().statusCode(201);
        viewerToken = IdentityApi.accessToken(viewer);

        String outsider = IdentityApi.uniqueEmail("ctx-outsider");
        UUID outsiderId = IdentityApi.verifiedUser(mailbox, outsider);
        // A token minted with the test key works like one from login.
        outsiderToken = TestJwt.forUser(outsiderId, outsider);

        readKey = IdentityApi.createApiKey(ownerToken, organizationId, Map.of("name", "reader", "scopes", List.of("read")))
                .path("key");
    }

    @Test
    void memberRoleGrantsScopes() {
        given().auth().oauth2(ownerToken).header("X-Organization-Id", organizationId.toString())
                .get("/test-support/caller/admin").then().statusCode(200)
                .body("organizationId", equalTo(organizationId.toString()))
                .body("role", equalTo("owner"))
                .body("scopes", equalTo("admin,read,verify,write"))
                .body("apiKey", equalTo(false));
        given().auth().oauth2(viewerToken).header("X-Organization-Id", organizationId.toString())
                .get("/test-support/caller/verify").then().statusCode(200)
                .body("role", equalTo("viewer"))
                .body("scopes", equalTo("read,verify"));
        given().auth().oauth2(viewerToken).header("X-Organization-Id", organizationId.toString())
                .get("/test-support/caller/write").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("This request needs scope 'write', but role 'viewer' grants only: read, verify."));
    }

    @Test
    void organizationHeaderIsChecked() {
        given().auth().oauth2(outsiderToken).header("X-Organization-Id", organizationId.toString())
                .get("/test-support/caller/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ownerToken).get("/test-support/caller/read").then().statusCode(400)
                .body("errors.field", contains("X-Organization-Id"));
        given().auth().oauth2(ownerToken).header("X-Organization-Id", "not-a-uuid")
                .get("/test-support/caller/read").then().statusCode(400)
                .body("errors.field", contains("X-Organization-Id"));
        given().get("/test-support/caller/read").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void apiKeyIsBoundToItsOrganization() {
        given().header("X-API-Key", readKey).get("/test-support/caller/read").then().statusCode(200)
                .body("organizationId", equalTo(organizationId.toString()))
                .body("role", equalTo("none"))
                .body("scopes", equalTo("read"))
                .body("apiKey", equalTo(true));
        given().header("X-API-Key", readKey).header("X-Organization-Id", organizationId.toString())
                .get("/test-support/caller/read").then().statusCode(200);
        given().header("X-API-Key", readKey).header("X-Organization-Id", UUID.randomUUID().toString())
                .get("/test-support/caller/read").then().statusCode(404);
        given().header("X-API-Key", readKey).get("/test-support/caller/verify").then().statusCode(403)
                .body("detail", equalTo("This request needs scope 'verify', but this API key grants only: read."));
    }
}
