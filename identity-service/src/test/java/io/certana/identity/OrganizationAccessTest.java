package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.certana.identity.apikey.ApiKeyRepository;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Who may see and change an organization: other organizations get 404, roles limit actions with
 * 403, and the plan limits the number of members.
 */
@QuarkusTest
class OrganizationAccessTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    ApiKeyRepository apiKeys;

    @ConfigProperty(name = "certana.internal.token")
    String internalToken;

    private String aliceToken;
    private UUID aliceOrganization;
    private UUID aliceKeyId;
    private String aliceKey;
    private String bobToken;
    private UUID bobOrganization;

    @BeforeEach
    void twoOrganizations() {
        String alice = IdentityApi.uniqueEmail("alice");
        IdentityApi.verifiedUser(mailbox, alice);
        aliceToken = IdentityApi.accessToken(alice);
        aliceOrganization = IdentityApi.createOrganization(aliceToken, "Alice Agency");
        Response key = IdentityApi.createApiKey(aliceToken, aliceOrganization,
                Map.of("name", "alice admin key", "scopes", List.of("read", "admin")));
        key.then().statusCode(201);
        aliceKeyId = UUID.fromString(key.path("id"));
        aliceKey = key.path("key");

        String bob = IdentityApi.uniqueEmail("bob");
        IdentityApi.verifiedUser(mailbox, bob);
        bobToken = IdentityApi.accessToken(bob);
        bobOrganization = IdentityApi.createOrganization(bobToken, "Bob Bureau");
    }

    @Test
    void otherOrganizationAnswers404() {
        given().auth().oauth2(bobToken).get("/api/v1/organizations/{id}", aliceOrganization)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://certana.io/problems/not-found"));
        given().auth().oauth2(bobToken).get("/api/v1/organizations/{id}/api-keys", aliceOrganization)
                .then().statusCode(404);
        given().auth().oauth2(bobToken).get("/api/v1/organizations/{id}/api-keys/{key}", aliceOrganization, aliceKeyId)
                .then().statusCode(404);
        given().auth().oauth2(bobToken).delete("/api/v1/organizations/{id}/api-keys/{key}", aliceOrganization, aliceKeyId)
                .then().statusCode(404);
        given().auth().oauth2(bobToken).get("/api/v1/organizations/{id}/members", aliceOrganization)
                .then().statusCode(404);
        IdentityApi.addMember(bobToken, aliceOrganization, IdentityApi.uniqueEmail("x"), "viewer")
                .then().statusCode(404);
        IdentityApi.createApiKey(bobToken, aliceOrganization, Map.of("name", "intruder")).then().statusCode(404);

        // Bob's own key id under his organization's path is not found either.
        given().auth().oauth2(bobToken).get("/api/v1/organizations/{id}/api-keys/{key}", bobOrganization, aliceKeyId)
                .then().statusCode(404);
        // A key of Alice's organization does not open Bob's, and an unknown organization looks the same.
        given().header("X-API-Key", aliceKey).get("/api/v1/organizations/{id}", bobOrganization)
                .then().statusCode(404);
        given().auth().oauth2(bobToken).get("/api/v1/organizations/{id}", UUID.randomUUID())
                .then().statusCode(404);

        // Alice's key is still active after Bob's attempt to revoke it.
        given().header("X-API-Key", aliceKey).get("/api/v1/organizations/{id}", aliceOrganization)
                .then().statusCode(200);
    }

    @Test
    void rolesLimitActions() {
        String viewerEmail = IdentityApi.uniqueEmail("viewer");
        IdentityApi.verifiedUser(mailbox, viewerEmail);
        IdentityApi.addMember(aliceToken, aliceOrganization, viewerEmail, "viewer").then().statusCode(201);
        String viewerToken = IdentityApi.accessToken(viewerEmail);

        given().auth().oauth2(viewerToken).get("/api/v1/organizations/{id}", aliceOrganization).then().statusCode(200);
        IdentityApi.createApiKey(viewerToken, aliceOrganization, Map.of("name", "viewer key"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", startsWith("This request needs scope 'admin'"));
        IdentityApi.addMember(viewerToken, aliceOrganization, IdentityApi.uniqueEmail("y"), "viewer")
                .then().statusCode(403);

        // An admin may add members; the owner role cannot be given.
        String adminEmail = IdentityApi.uniqueEmail("admin");
        IdentityApi.verifiedUser(mailbox, adminEmail);
        IdentityApi.addMember(aliceToken, aliceOrganization, adminEmail, "owner")
                .then().statusCode(400).body("errors.field", contains("role"));
        IdentityApi.addMember(aliceToken, aliceOrganization, adminEmail, "admin").then().statusCode(201);
        IdentityApi.createApiKey(IdentityApi.accessToken(adminEmail), aliceOrganization, Map.of("name", "admin key"))
                .then().statusCode(201);

        // An API key can only create keys within its own scopes.
        given().header("X-API-Key", aliceKey).contentType(ContentType.JSON)
                .body(Map.of("name", "wider", "scopes", List.of("write")))
                .post("/api/v1/organizations/{id}/api-keys", aliceOrganization)
                .then().statusCode(403);
        // Creating organizations and reading /users/me need a user token.
        given().header("X-API-Key", aliceKey).contentType(ContentType.JSON).body(Map.of("name", "Key Org"))
                .post("/api/v1/organizations").then().statusCode(403);
        given().header("X-API-Key", aliceKey).get("/api/v1/users/me").then().statusCode(403);
    }

    @Test
    void membersNeedVerifiedAccountsAndRespectPlanLimit() {
        String unverified = IdentityApi.uniqueEmail("unverified");
        IdentityApi.signup(unverified, IdentityApi.PASSWORD, "Not Yet").then().statusCode(201);
        IdentityApi.addMember(aliceToken, aliceOrganization, unverified, "member").then().statusCode(404);
        IdentityApi.addMember(aliceToken, aliceOrganization, IdentityApi.uniqueEmail("nobody"), "member")
                .then().statusCode(404);

        // The free plan allows 3 members: the owner and two more.
        String second = IdentityApi.uniqueEmail("second");
        String third = IdentityApi.uniqueEmail("third");
        String fourth = IdentityApi.uniqueEmail("fourth");
        for (String email : List.of(second, third, fourth)) {
            IdentityApi.verifiedUser(mailbox, email);
        }
        IdentityApi.addMember(aliceToken, aliceOrganization, second, "member").then().statusCode(201);
        IdentityApi.addMember(aliceToken, aliceOrganization, second, "viewer").then().statusCode(409);
        IdentityApi.addMember(aliceToken, aliceOrganization, third, "member").then().statusCode(201);
        IdentityApi.addMember(aliceToken, aliceOrganization, fourth, "member")
                .then().statusCode(409)
                .body("type", equalTo("https://certana.io/problems/plan-limit-reached"));

        given().header("X-Internal-Token", internalToken)
                .get("/internal/v1/organizations/{id}", aliceOrganization)
                .then().statusCode(200)
                .body("maxUsers", equalTo(3))
                .body("masterKeyRef", equalTo("org:" + aliceOrganization + ":signing:v1"));
    }

    @Test
    void internalMembershipLookup() {
        String memberEmail = IdentityApi.uniqueEmail("lookup");
        UUID memberId = IdentityApi.verifiedUser(mailbox, memberEmail);
        IdentityApi.addMember(aliceToken, aliceOrganization, memberEmail, "member").then().statusCode(201);

        given().header("X-Internal-Token", internalToken)
                .get("/internal/v1/organizations/{org}/members/{user}", aliceOrganization, memberId)
                .then().statusCode(200)
                .body("organizationId", equalTo(aliceOrganization.toString()))
                .body("userId", equalTo(memberId.toString()))
                .body("role", equalTo("member"));
        given().header("X-Internal-Token", internalToken)
                .get("/internal/v1/organizations/{org}/members/{user}", bobOrganization, memberId)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Internal-Token", internalToken)
                .get("/internal/v1/organizations/{org}", UUID.randomUUID())
                .then().statusCode(404);
        given().header("X-Internal-Token", "wrong-token")
                .get("/internal/v1/organizations/{org}", aliceOrganization)
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/internal/v1/organizations/{org}", aliceOrganization)
                .then().statusCode(401);
    }

    @Test
    void expiredKeyIsInactive() {
        QuarkusTransaction.requiringNew().run(() -> apiKeys.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), aliceKeyId));

        given().header("X-API-Key", aliceKey).get("/api/v1/organizations/{id}", aliceOrganization)
                .then().statusCode(401);
        given().header("X-Internal-Token", internalToken).contentType(ContentType.JSON)
                .body(Map.of("key", aliceKey))
                .post("/internal/v1/api-keys/introspect")
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void slugsAreUnique() {
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Alice Agency"))
                .post("/api/v1/organizations")
                .then().statusCode(201)
                .body("slug", startsWith("alice-agency-"));

        String slug = "fixed-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON)
                .body(Map.of("name", "First", "slug", slug))
                .post("/api/v1/organizations").then().statusCode(201).body("slug", equalTo(slug));
        given().auth().oauth2(bobToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Second", "slug", slug))
                .post("/api/v1/organizations").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(bobToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad slug", "slug", "Not A Slug"))
                .post("/api/v1/organizations").then().statusCode(400).body("errors.field", contains("slug"));
    }
}
