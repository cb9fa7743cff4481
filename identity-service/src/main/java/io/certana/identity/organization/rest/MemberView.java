package io.certana.identity.organization.rest;

import java.time.Instant;
import java.util.UUID;

import io.certana.identity.organization.OrganizationMember;
import io.certana.identity.user.User;

/** A member of an organization. */
public record MemberView(UUID organizationId, UUID userId, String email, String fullName, String role,
        Instant createdAt) {

    public static MemberView of(OrganizationMember member, User user) {
        return new MemberView(member.organizationId, member.userId, user.email, user.fullName, member.role,
                member.createdAt);
    }
}
