package io.certana.platform.auth;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The current caller's rights in one organization.
 *
 * @param organizationId the organization
 * @param role the member's role for JWT callers, null for API keys
 * @param scopes the granted scopes: the role's scopes, or the API key's
 */
public record OrganizationAccess(UUID organizationId, Role role, Set<Scope> scopes) {

    public OrganizationAccess {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public Optional<Role> memberRole() {
        return Optional.ofNullable(role);
    }
}
