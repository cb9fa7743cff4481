package io.certana.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.certana.platform.auth.ApiKeyIntrospection;
import io.certana.platform.auth.Role;
import io.certana.platform.internal.AuthCacheConfig;
import io.certana.platform.internal.IdentityClient;
import io.certana.platform.internal.InternalConfig;
import io.certana.platform.internal.OrganizationView;
import io.certana.platform.internal.RestApiKeyIntrospector;
import io.certana.platform.internal.RestMembershipResolver;
import io.certana.platform.problem.ProblemException;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The platform client that asset-service and verification-service use, pointed at this running
 * identity-service: introspection, membership and organization lookups, the cache that bounds
 * revocation, and the 503 when identity-service is unreachable.
 */
@QuarkusTest
class IdentityClientTest {

    @Inject
    MockMailbox mailbox;

    @TestHTTPResource("/")
    URL baseUrl;

    @ConfigProperty(name = "certana.internal.token")
    String internalToken;

    record Internal(String token, URI identityUrl, Duration connectTimeout, Duration readTimeout)
            implements InternalConfig {
    }

    record Caches(Duration apiKeyCacheTtl, Duration membershipCacheTtl, long cacheMaxEntries)
            implements AuthCacheConfig {
    }

    private IdentityClient client(URI url) {
        return new IdentityClient(new Internal(internalToken, url, Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @Test
    void lookupsMatchIdentityService() throws Exception {
        String owner = IdentityApi.uniqueEmail("client-owner");
        UUID ownerId = IdentityApi.verifiedUser(mailbox, owner);
        String token = IdentityApi.accessToken(owner);
        UUID organizationId = IdentityApi.createOrganization(token, "Client Org");
        String key = IdentityApi.createApiKey(token, organizationId, Map.of("name", "k", "scopes", List.of("verify")))
                .path("key");

        IdentityClient client = client(baseUrl.toURI());

        ApiKeyIntrospection introspection = client.introspect(key);
        assertTrue(introspection.active());
        assertEquals(organizationId, introspection.organizationId());
        assertEquals(List.of("verify"), introspection.scopes());
        assertFalse(client.introspect("cert_pk_" + "B".repeat(43)).active());

        assertEquals(Role.OWNER, client.findMembership(organizationId, ownerId).orElseThrow().role());
        assertTrue(client.findMembership(organizationId, UUID.randomUUID()).isEmpty());

        OrganizationView organization = client.findOrganization(organizationId).orElseThrow();
        assertEquals("org:" + organizationId + ":signing:v1", organization.masterKeyRef());
        assertEquals(100, organization.maxVerificationsPerDay());
        assertTrue(client.findOrganization(UUID.randomUUID()).isEmpty());

        RestMembershipResolver memberships = new RestMembershipResolver(client,
                new Caches(Duration.ofSeconds(5), Duration.ofSeconds(5), 100));
        assertEquals(Role.OWNER, memberships.findRole(organizationId, ownerId).orElseThrow());
    }

    @Test
    void revocationVisibleAfterCacheTtl() throws Exception {
        String owner = IdentityApi.uniqueEmail("client-cache");
        IdentityApi.verifiedUser(mailbox, owner);
        String token = IdentityApi.accessToken(owner);
        UUID organizationId = IdentityApi.createOrganization(token, "Cache Org");
        var created = IdentityApi.createApiKey(token, organizationId, Map.of("name", "cached"));
        String key = created.path("key");
        String keyId = created.path("id");

        Duration ttl = Duration.ofMillis(1500);
        RestApiKeyIntrospector introspector = new RestApiKeyIntrospector(client(baseUrl.toURI()),
                new Caches(ttl, ttl, 100));
        assertTrue(introspector.introspect(key).active());

        RestAssured.given().auth().oauth2(token)
                .delete("/api/v1/organizations/{org}/api-keys/{key}", organizationId, keyId)
                .then().statusCode(204);
        // Within the TTL the cached response is still used: this is the documented revocation bound.
        assertTrue(introspector.introspect(key).active());
        Thread.sleep(ttl.toMillis() + 200);
        assertFalse(introspector.introspect(key).active());
    }

    @Test
    void unreachableIdentityServiceIs503() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        IdentityClient client = client(URI.create("http://127.0.0.1:1"));
        ProblemException error = assertThrows(ProblemException.class,
                () -> client.introspect("cert_pk_" + "C".repeat(43)));
        assertEquals(503, error.problem().status());
        assertThrows(ProblemException.class, () -> client.findOrganization(UUID.randomUUID()));
    }
}
