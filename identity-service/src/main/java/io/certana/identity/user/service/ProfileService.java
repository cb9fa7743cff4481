package io.certana.identity.user.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.certana.identity.organization.Organization;
import io.certana.identity.organization.OrganizationMember;
import io.certana.identity.organization.OrganizationMemberRepository;
import io.certana.identity.organization.OrganizationRepository;
import io.certana.identity.user.UserRepository;
import io.certana.identity.user.rest.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads a user's account together with the organizations the user belongs to. */
@ApplicationScoped
public class ProfileService {

    private final UserRepository users;
    private final OrganizationMemberRepository members;
    private final OrganizationRepository organizations;

    public ProfileService(UserRepository users, OrganizationMemberRepository members,
            OrganizationRepository organizations) {
        this.users = users;
        this.members = members;
        this.organizations = organizations;
    }

    @Transactional
    public Optional<UserView> find(UUID userId) {
        return users.findByIdOptional(userId).map(user -> {
            List<OrganizationMember> memberships = members.listByUser(userId);
            Map<UUID, Organization> byId = memberships.isEmpty()
                    ? Map.of()
                    : organizations.list("id in ?1", memberships.stream().map(m -> m.organizationId).toList())
                            .stream()
                            .collect(Collectors.toMap(organization -> organization.id, Function.identity()));
            List<UserView.MembershipSummary> summaries = memberships.stream()
                    .map(member -> {
                        Organization organization = byId.get(member.organizationId);
                        return new UserView.MembershipSummary(organization.id, organization.name, organization.slug,
                                member.role);
                    })
                    .toList();
            return UserView.of(user, summaries);
        });
    }
}
