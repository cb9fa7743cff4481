package io.certana.identity.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OrganizationMemberRepository implements PanacheRepositoryBase<OrganizationMember, UUID> {

    public Optional<OrganizationMember> findMembership(UUID organizationId, UUID userId) {
        return find("organizationId = ?1 and userId = ?2", organizationId, userId).firstResultOptional();
    }

    public long countMembers(UUID organizationId) {
        return count("organizationId", organizationId);
    }

    public List<OrganizationMember> listMembers(UUID organizationId) {
        return list("organizationId = ?1 order by createdAt, id", organizationId);
    }

    public List<OrganizationMember> listByUser(UUID userId) {
        return list("userId = ?1 order by createdAt, id", userId);
    }
}
