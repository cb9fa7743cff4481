package io.certana.identity.organization.rest;

import java.time.Instant;
import java.util.UUID;

import io.certana.identity.organization.Organization;

/** An organization as its members see it. */
public record OrganizationDetails(
        UUID id,
        String name,
        String slug,
        String description,
        String plan,
        int maxUsers,
        int maxAssets,
        int maxVerificationsPerDay,
        String masterKeyRef,
        UUID ownerId,
        Instant createdAt) {

    public static OrganizationDetails of(Organization organization) {
        return new OrganizationDetails(organization.id, organization.name, organization.slug, organization.description,
                organization.plan, organization.maxUsers, organization.maxAssets, organization.maxVerificationsPerDay,
                organization.masterKeyRef, organization.ownerId, organization.createdAt);
    }
}
