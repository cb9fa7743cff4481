package io.certana.identity.organization.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.certana.identity.organization.rest.AddMemberRequest;
import io.certana.identity.organization.rest.MemberView;
import io.certana.identity.user.User;
import io.certana.identity.user.UserRepository;
import io.certana.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Adds and lists the members of an organization. */
@ApplicationScoped
public class MemberService {

    private final OrganizationRepository organizations;
    private final OrganizationMemberRepository members;
    private final UserRepository users;

    public MemberService(OrganizationRepository organizations, OrganizationMemberRepository members,
            UserRepository users) {
        this.organizations = organizations;
        this.members = members;
        this.users = users;
    }

    /**
     * Adds an existing, verified user to the organization. The organization row is locked while
     * members are counted, so concurrent additions cannot exceed the plan's max_users.
     */
    @Transactional
    public MemberView add(UUID organizationId, AddMemberRequest request, UUID invitedBy) {
        Organization organization = organizations.findByIdForUpdate(organizationId)
                .orElseThrow(() -> ProblemException.notFound("Organization " + organizationId + " not found."));
        User user = users.findByEmail(request.email())
                .filter(candidate -> candidate.verified)
                .orElseThrow(() -> ProblemException.notFound(
                        "No verified Certana account uses this email; the person must sign up and verify first."));
        if (members.findMembership(organizationId, user.id).isPresent()) {
            throw ProblemException.conflict("This user is already a member of the organization.");
        }
        long count = members.countMembers(organizationId);
        if (count >= organization.maxUsers) {
            throw new ProblemException(409, "plan-limit-reached", "Plan limit reached",
                    "The " + organization.plan + " plan allows " + organization.maxUsers
                            + " members, and the organization has " + count + ".");
        }

        OrganizationMember member = new OrganizationMember();
        member.id = UUID.randomUUID();
        member.organizationId = organizationId;
        member.userId = user.id;
        member.role = request.role();
        member.invitedBy = invitedBy;
        member.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        members.persistAndFlush(member);
        Log.infof("User %s added user %s to organization %s as %s", invitedBy, user.id, organizationId, member.role);
        return MemberView.of(member, user);
    }

    @Transactional
    public List<MemberView> list(UUID organizationId) {
        List<OrganizationMember> memberships = members.listMembers(organizationId);
        Map<UUID, User> usersById = users.list("id in ?1", memberships.stream().map(m -> m.userId).toList())
                .stream()
                .collect(Collectors.toMap(user -> user.id, Function.identity()));
        return memberships.stream().map(member -> MemberView.of(member, usersById.get(member.userId))).toList();
    }

    @Transactional
    public Optional<MemberView> find(UUID organizationId, UUID userId) {
        return members.findMembership(organizationId, userId)
                .map(member -> MemberView.of(member, users.findById(member.userId)));
    }
}
