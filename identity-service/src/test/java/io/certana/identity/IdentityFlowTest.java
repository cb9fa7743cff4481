package io.certana.identity;

import static io.certana.identity.IdentityApi.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.certana.identity.apikey.service.ApiKeyUsageTracker;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The whole account flow against the real database: signup, mail, verification, login,
 * organization, member, API key, introspection and revocation.
 */
@QuarkusTest
class IdentityFlowTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    ApiKeyUsageTracker usageTracker;

    @ConfigProperty(name = "certana.internal.token")
    String internalToken;

    @Test
    void signupToRevocation() {
        String email = IdentityApi.uniqueEmail("owner");

        // Signup: 201 with an unverified account, and a mail whose link ends in ?token=.
        Response signup = IdentityApi.signup(email, PASSWORD, "Olivia Owner");
        signup.then().statusCode(201)
                .body("email", equalTo(email))
                .body("fullName", equalTo("Olivia Owner"))
                .body("isVerified", equalTo(false))
                .body("tier", equalTo("free"))
                .body("$", not(hasKey("passwordHash")));
        UUID ownerId = UUID.fromString(signup.path("id"));
        String token = IdentityApi.tokenFromMail(mailbox, email);

        // Login before verification: the password is right, so the response is 403.
        IdentityApi.login(email, PASSWORD).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://certana.io/problems/email-not-verified"));

        // Verification: single use.
        IdentityApi.verify(token).then().statusCode(200)
                .body("id", equalTo(ownerId.toString()))
                .body("isVerified", equalTo(true));
        IdentityApi.verify(token).then().statusCode(400)
                .body("type", equalTo("https://certana.io/problems/invalid-verification-token"));

        // Login, in another letter case of the email.
        Response login = IdentityApi.login(email.toUpperCase(), PASSWORD);
        login.then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900));
        String accessToken = login.path("accessToken");

        given().auth().oauth2(accessToken).get("/api/v1/users/me").then().statusCode(200)
                .body("id", equalTo(ownerId.toString()))
                .body("isVerified", equalTo(true))
                .body("organizations.size()", equalTo(0));

        // Organization: the creator becomes owner, the slug comes from the name.
        Response organization = given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Flow Test Photos", "description", "Press photos"))
                .post("/api/v1/organizations");
        organization.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("slug", startsWith("flow-test-photos"))
                .body("plan", equalTo("free"))
                .body("maxUsers", equalTo(3))
                .body("maxAssets", equalTo(1000))
                .body("maxVerificationsPerDay", equalTo(100));
        UUID organizationId = UUID.fromString(organization.path("id"));
        assertEquals("org:" + organizationId + ":signing:v1", organization.path("masterKeyRef"));

        given().auth().oauth2(accessToken).get("/api/v1/users/me").then().statusCode(200)
                .body("organizations.id", contains(organizationId.toString()))
                .body("organizations.role", contains("owner"));
        given().auth().oauth2(accessToken).get("/api/v1/organizations/{id}", organizationId).then().statusCode(200)
                .body("name", equalTo("Flow Test Photos"));

        // Member: an existing verified user joins as viewer.
        String memberEmail = IdentityApi.uniqueEmail("member");
        UUID memberId = IdentityApi.verifiedUser(mailbox, memberEmail);
        IdentityApi.addMember(accessToken, organizationId, memberEmail.toUpperCase(), "viewer").then().statusCode(201)
                .body("userId", equalTo(memberId.toString()))
                .body("role", equalTo("viewer"));
        given().auth().oauth2(accessToken).get("/api/v1/organizations/{id}/members", organizationId).then()
                .statusCode(200)
                .body("role", containsInAnyOrder("owner", "viewer"));
        given().auth().oauth2(IdentityApi.accessToken(memberEmail))
                .get("/api/v1/organizations/{id}", organizationId).then().statusCode(200);

        // API key: shown once, stored only as a hash, default scopes read and verify.
        Response created = IdentityApi.createApiKey(accessToken, organizationId, Map.of("name", "ci uploader"));
        created.then().statusCode(201)
                .body("key", startsWith("cert_pk_"))
                .body("scopes", contains("read", "verify"))
                .body("expiresAt", nullValue());
        String apiKey = created.path("key");
        UUID keyId = UUID.fromString(created.path("id"));
        assertTrue(apiKey.length() >= "cert_pk_".length() + 43, "key too short: 32 random bytes need 43 characters");
        assertEquals(apiKey.substring(0, 16), created.path("keyPrefix"));

        given().auth().oauth2(accessToken).get("/api/v1/organizations/{id}/api-keys", organizationId).then()
                .statusCode(200)
                .body("id", contains(keyId.toString()))
                .body("$", everyItem(not(hasKey("key"))))
                .body("isActive", contains(true));

        // Introspection, as the other services call it.
        introspect(apiKey).then().statusCode(200)
                .body("active", equalTo(true))
                .body("keyId", equalTo(keyId.toString()))
                .body("organizationId", equalTo(organizationId.toString()))
                .body("userId", equalTo(ownerId.toString()))
                .body("scopes", contains("read", "verify"))
                .body("$", hasKey("rateLimitPerHour"))
                .body("$", hasKey("rateLimitPerDay"));

        // The key authenticates requests in both header forms, for its own organization.
        given().header("X-API-Key", apiKey).get("/api/v1/organizations/{id}", organizationId).then().statusCode(200);
        given().auth().oauth2(apiKey).get("/api/v1/organizations/{id}", organizationId).then().statusCode(200);
        // It has no admin scope, so it cannot manage keys.
        given().header("X-API-Key", apiKey).get("/api/v1/organizations/{id}/api-keys", organizationId).then()
                .statusCode(403)
                .contentType("application/problem+json");

        // last_used_at is written by the batched flush, not by each request.
        assertTrue(usageTracker.flush() >= 1, "the uses of the key were not collected");
        given().auth().oauth2(accessToken).get("/api/v1/organizations/{id}/api-keys/{keyId}", organizationId, keyId)
                .then().statusCode(200)
                .body("lastUsedAt", notNullValue());

        // Revocation takes effect at once in identity-service.
        given().auth().oauth2(accessToken)
                .delete("/api/v1/organizations/{id}/api-keys/{keyId}", organizationId, keyId)
                .then().statusCode(204);
        introspect(apiKey).then().statusCode(200)
                .body("active", equalTo(false))
                .body("keyId", nullValue());
        given().header("X-API-Key", apiKey).get("/api/v1/organizations/{id}", organizationId).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(accessToken).get("/api/v1/organizations/{id}/api-keys", organizationId).then()
                .statusCode(200)
                .body("isActive", contains(false))
                .body("revokedAt", hasItem(notNullValue()));
        // Revoking again changes nothing and is not an error.
        given().auth().oauth2(accessToken)
                .delete("/api/v1/organizations/{id}/api-keys/{keyId}", organizationId, keyId)
                .then().statusCode(204);
    }

    @Test
    void apiKeyOptionsAreStored() {
        String email = IdentityApi.uniqueEmail("options");
        IdentityApi.verifiedUser(mailbox, email);
        String accessToken = IdentityApi.accessToken(email);
        UUID organizationId = IdentityApi.createOrganization(accessToken, "Options Org");

        Response created = IdentityApi.createApiKey(accessToken, organizationId, Map.of(
                "name", "uploader",
                "scopes", java.util.List.of("write", "read", "write"),
                "rateLimitPerHour", 100,
                "rateLimitPerDay", 1000,
                "expiresAt", "2099-01-01T00:00:00Z"));
        created.then().statusCode(201)
                .body("scopes", contains("read", "write"))
                .body("rateLimitPerHour", equalTo(100))
                .body("rateLimitPerDay", equalTo(1000))
                .body("expiresAt", equalTo("2099-01-01T00:00:00Z"));

        introspect(created.path("key")).then().statusCode(200)
                .body("active", equalTo(true))
                .body("scopes", contains("read", "write"))
                .body("rateLimitPerHour", equalTo(100))
                .body("rateLimitPerDay", equalTo(1000));
    }

    @Test
    void introspectionOfUnknownKeys() {
        introspect("cert_pk_" + "A".repeat(43)).then().statusCode(200).body("active", equalTo(false));
        introspect("not-a-key").then().statusCode(200).body("active", equalTo(false));
        given().header("X-Internal-Token", internalToken).contentType(ContentType.JSON)
                .body(Map.of("key", ""))
                .post("/internal/v1/api-keys/introspect")
                .then().statusCode(400)
                .body("errors.field", contains("key"));
    }

    private Response introspect(String apiKey) {
        return given().header("X-Internal-Token", internalToken)
                .contentType(ContentType.JSON)
                .body(Map.of("key", apiKey))
                .post("/internal/v1/api-keys/introspect");
    }
}
