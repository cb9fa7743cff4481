package io.certana.identity.organization.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.certana.identity.config.IdentityConfig;
import io.certana.identity.organization.Organization;
import io.certana.identity.organization.OrganizationMember;
import io.certana.identity.organization.OrganizationMemberRepository;
import io.certana.identity.organization.OrganizationRepository;
import io.certana.identity.organization.Plan;
import io.certana.identity.organization.rest.CreateOrganizationRequest;
import io.certana.platform.auth.Role;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.UniqueViolations;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Creates and reads organizations. */
@ApplicationScoped
public class OrganizationService {

    /** Attempts at a derived slug when concurrent creations take the chosen one first. */
    static final int SLUG_ATTEMPTS = 5;

    private final OrganizationRepository organizations;
    private final OrganizationMemberRepository members;
    private final IdentityConfig config;

    public OrganizationService(OrganizationRepository organizations, OrganizationMemberRepository members,
            IdentityConfig config) {
        this.organizations = organizations;
        this.members = members;
        this.config = config;
    }

    /**
     * Creates an organization on the free plan with the caller as owner. A requested slug that is
     * taken gives 409; a derived slug gets a numeric suffix instead.
     */
    public Organization create(UUID ownerId, CreateOrganizationRequest request) {
        return create(ownerId, request, Plan.FREE);
    }

    /** Creates an organization on the given plan with the caller as owner, with the slug rules above. */
    public Organization create(UUID ownerId, CreateOrganizationRequest request, Plan plan) {
        for (int attempt = 1; ; attempt++) {
            try {
                Organization created = QuarkusTransaction.requiringNew().call(() -> insert(ownerId, request, plan));
                Log.infof("User %s created organization %s (%s)", ownerId, created.id, created.slug);
                return created;
            } catch (RuntimeException e) {
                if (!UniqueViolations.isUniqueViolation(e)) {
                    throw e;
                }
                if (request.slug() != null || attempt == SLUG_ATTEMPTS) {
                    throw slugTaken();
                }
                Log.debugf("Derived slug was taken concurrently, retrying (attempt %d)", attempt);
            }
        }
    }

    @Transactional
    public Optional<Organization> find(UUID organizationId) {
        return organizations.findByIdOptional(organizationId);
    }

    private Organization insert(UUID ownerId, CreateOrganizationRequest request, Plan plan) {
        String slug = request.slug() != null ? request.slug() : derivedSlug(request.name());
        if (request.slug() != null && organizations.slugExists(slug)) {
            throw slugTaken();
        }

        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        IdentityConfig.PlanLimits limits = plan.limits(config.plans());

        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.ownerId = ownerId;
        organization.name = request.name().trim();
        organization.slug = slug;
        organization.description = request.description();
        organization.plan = plan.wireName();
        organization.masterKeyRef = masterKeyRef(organization.id, 1);
        organization.maxUsers = limits.maxUsers();
        organization.maxAssets = limits.maxAssets();
        organization.maxVerificationsPerDay = limits.maxVerificationsPerDay();
        organization.createdAt = now;
        organizations.persistAndFlush(organization);

        OrganizationMember owner = new OrganizationMember();
        owner.id = UUID.randomUUID();
        owner.organizationId = organization.id;
        owner.userId = ownerId;
        owner.role = Role.OWNER.wireName();
        owner.createdAt = now;
        members.persistAndFlush(owner);
        return organization;
    }

    private String derivedSlug(String name) {
        String base = Slugs.fromName(name);
        List<String> taken = organizations.getEntityManager()
                .createQuery("select o.slug from Organization o where o.slug = ?1 or o.slug like ?2", String.class)
                .setParameter(1, base)
                .setParameter(2, base + "-%")
                .getResultList();
        return Slugs.firstFree(base, taken);
    }

    /**
     * Name of the organization's signing key. asset-service creates an Ed25519 key under this name
     * the first time it signs for the organization; a rotation bumps the version.
     */
    static String masterKeyRef(UUID organizationId, int version) {
        return "org:" + organizationId + ":signing:v" + version;
    }

    private static ProblemException slugTaken() {
        return ProblemException.conflict("The organization slug is already taken; choose another.");
    }
}
