package io.certana.identity.organization.service;

import java.util.Optional;
import java.util.UUID;

import io.certana.identity.organization.OrganizationMemberRepository;
import io.certana.platform.auth.MembershipResolver;
import io.certana.platform.auth.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Replaces the platform's REST-based resolver inside identity-service: roles come straight from the
 * database, so a membership change applies to the next request.
 */
@ApplicationScoped
public class LocalMembershipResolver implements MembershipResolver {

    private final OrganizationMemberRepository members;

    public LocalMembershipResolver(OrganizationMemberRepository members) {
        this.members = members;
    }

    @Override
    @Transactional
    public Optional<Role> findRole(UUID organizationId, UUID userId) {
        return members.findMembership(organizationId, userId).flatMap(member -> Role.parse(member.role));
    }
}
