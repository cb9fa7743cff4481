package io.certana.platform.internal;

import java.util.UUID;

import io.certana.platform.auth.Role;

/** Body of {@code GET /internal/v1/organizations/{orgId}/members/{userId}}. */
public record MembershipView(UUID organizationId, UUID userId, Role role) {
}
