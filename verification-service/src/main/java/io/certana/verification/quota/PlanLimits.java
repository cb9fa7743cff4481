package io.certana.verification.quota;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.certana.platform.internal.IdentityClient;
import io.certana.platform.internal.OrganizationView;
import io.certana.platform.problem.ProblemException;
import io.certana.verification.config.VerificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an organization's plan, read from identity-service and cached for
 * {@code certana.verification.quota.plan-cache-ttl}, into monthly limits:
 *
 * <ul>
 * <li>uploads per month = the plan's {@code maxAssets};
 * <li>verifications per month = {@code maxVerificationsPerDay} × the days of the month, so the
 * plan's daily figure is met on average while a busy day may use more;
 * <li>storage = {@code certana.verification.quota.storage-<plan>}, because identity-service's plans
 * carry no storage figure. An unknown plan gets the free plan's storage.
 * </ul>
 */
@ApplicationScoped
public class PlanLimits {

    private final IdentityClient identity;
    private final VerificationConfig.Quota config;
    private final Cache<UUID, OrganizationView> cache;

    public PlanLimits(IdentityClient identity, VerificationConfig config) {
        this.identity = identity;
        this.config = config.quota();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(this.config.planCacheTtl())
                .maximumSize(100_000)
                .build();
    }

    /**
     * Returns the plan limits of an organization for a period.
     *
     * @throws ProblemException 404 when identity-service does not know the organization, 503 when it is unreachable
     */
    public QuotaLimits limits(UUID organizationId, QuotaPeriod period) {
        OrganizationView organization = cache.getIfPresent(organizationId);
        if (organization == null) {
            Optional<OrganizationView> found = identity.findOrganization(organizationId);
            organization = found.orElseThrow(() -> ProblemException.notFound(
                    "Organization " + organizationId + " not found."));
            cache.put(organizationId, organization);
        }
        String plan = organization.plan() == null ? "free" : organization.plan().toLowerCase(Locale.ROOT);
        long verifications = (long) organization.maxVerificationsPerDay() * period.days();
        return new QuotaLimits(plan, organization.maxAssets(), (int) Math.min(Integer.MAX_VALUE, verifications),
                storage(plan));
    }

    private long storage(String plan) {
        return switch (plan) {
            case "pro" -> config.storagePro().asLongValue();
            case "enterprise" -> config.storageEnterprise().asLongValue();
            default -> config.storageFree().asLongValue();
        };
    }
}
