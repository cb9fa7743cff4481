package io.certana.asset;

import java.util.List;
import java.util.UUID;

import io.certana.testing.IdentityService;

/**
 * Organizations, accounts and API keys created once through the real identity-service and shared
 * by the test classes. Every test uses its own image bytes, so tests do not see each other's assets
 * except where a test means to.
 */
final class Tenants {

    /**
     * One organization and its credentials.
     *
     * @param owner the owner's account (a JWT caller that must send X-Organization-Id)
     * @param writeKey an API key with scopes read and write
     * @param readKey an API key with scope read only
     */
    record Tenant(UUID organizationId, IdentityService.Account owner, String writeKey, String readKey) {
    }

    private static Tenant primary;
    private static Tenant other;
    private static IdentityService.Account viewer;

    private Tenants() {
    }

    /** Returns the organization most tests register in. */
    static synchronized Tenant primary() {
        if (primary == null) {
            primary = create("primary");
        }
        return primary;
    }

    /** Returns a second organization, for the conflict and isolation cases. */
    static synchronized Tenant other() {
        if (other == null) {
            other = create("other");
        }
        return other;
    }

    /** Returns a user with role viewer in the primary organization, with a fresh token. */
    static synchronized IdentityService.Account viewerOfPrimary() {
        if (viewer == null) {
            IdentityService identity = IdentityServiceResource.identity();
            Tenant tenant = primary();
            IdentityService.Account account = identity.newAccount("viewer");
            identity.addMember(tenant.owner().accessToken(), tenant.organizationId(), account.email(), "viewer");
            viewer = account;
        }
        return new IdentityService.Account(viewer.userId(), viewer.email(),
                IdentityServiceResource.identity().login(viewer.email()));
    }

    private static Tenant create(String name) {
        IdentityService identity = IdentityServiceResource.identity();
        IdentityService.Account owner = identity.newAccount(name + "-owner");
        UUID organizationId = identity.createOrganization(owner.accessToken(), "Asset tests " + name + " "
                + UUID.randomUUID().toString().substring(0, 8));
        String writeKey = identity.createApiKey(owner.accessToken(), organizationId, List.of("read", "write"));
        String readKey = identity.createApiKey(owner.accessToken(), organizationId, List.of("read"));
        return new Tenant(organizationId, owner, writeKey, readKey);
    }
}
