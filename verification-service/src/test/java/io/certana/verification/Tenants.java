package io.certana.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.testing.IdentityService;

/** Organizations, accounts and API keys created through the real identity-service for the tests. */
final class Tenants {

    /**
     * One organization and its credentials.
     *
     * @param owner the owner's account (a JWT caller that sends X-Organization-Id)
     * @param key an API key with scopes read, write and verify
     */
    record Tenant(UUID organizationId, IdentityService.Account owner, String key) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Tenant primary;
    private static Tenant other;

    private Tenants() {
    }

    /** Returns the organization most tests register and verify in. */
    static synchronized Tenant primary() {
        if (primary == null) {
            primary = create("primary");
        }
        return primary;
    }

    /** Returns a second organization, for isolation cases. */
    static synchronized Tenant other() {
        if (other == null) {
            other = create("other");
        }
        return other;
    }

    /** Creates a fresh organization, for tests that change its quota. */
    static Tenant create(String name) {
        IdentityService identity = ServicesResource.identity();
        IdentityService.Account owner = identity.newAccount(name + "-owner");
        UUID organizationId = identity.createOrganization(owner.accessToken(), "Verification tests " + name + " "
                + UUID.randomUUID().toString().substring(0, 8));
        String key = identity.createApiKey(owner.accessToken(), organizationId, List.of("read", "write", "verify"));
        return new Tenant(organizationId, owner, key);
    }

    /** Creates an API key with the given scopes and an hourly limit through identity-service's API. */
    static String apiKey(Tenant tenant, List<String> scopes, Integer ratePerHour) {
        var body = JSON.createObjectNode().put("name", "limited key");
        body.putArray("scopes").addAll(scopes.stream().map(JSON.getNodeFactory()::textNode).toList());
        if (ratePerHour != null) {
            body.put("rateLimitPerHour", ratePerHour);
        }
        HttpRequest request = HttpRequest.newBuilder(ServicesResource.identity().baseUri()
                        .resolve("/api/v1/organizations/" + tenant.organizationId() + "/api-keys"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tenant.owner().accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Creating an API key returned " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body()).get("key").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
