package io.certana.platform.internal;

import java.util.UUID;

/**
 * Body of {@code GET /internal/v1/organizations/{orgId}}: the fields other services need, the plan
 * limits (verification-service) and the signing key reference (asset-service).
 */
public record OrganizationView(
        UUID id,
        String name,
        String slug,
        String plan,
        int maxUsers,
        int maxAssets,
        int maxVerificationsPerDay,
        String masterKeyRef) {
}
