package io.certana.verification.quota;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;
import io.certana.verification.ratelimit.RateLimitStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Monthly quotas of organizations: verifications counted here, uploads and stored bytes reserved
 * by asset-service through the internal API. Limits come from the organization's plan
 * ({@link PlanLimits}) unless an operator set an override. A used-up quota gets 429 with
 * {@code Retry-After} and the RateLimit headers pointing at the end of the month.
 */
@ApplicationScoped
public class QuotaService {

    private final QuotaRepository repository;
    private final PlanLimits plans;

    public QuotaService(QuotaRepository repository, PlanLimits plans) {
        this.repository = repository;
        this.plans = plans;
    }

    /**
     * Counts one verification for the organization.
     *
     * @throws ProblemException 429 when the month's verifications are used up; nothing is counted then
     */
    @Transactional
    public QuotaUsage consumeVerification(UUID organizationId) {
        Instant now = Instant.now();
        QuotaPeriod period = QuotaPeriod.containing(now);
        QuotaLimits limits = limits(organizationId, period);
        repository.ensurePeriod(organizationId, period, limits);
        return repository.addVerifications(organizationId, period, 1, limits)
                .orElseThrow(() -> exceeded(organizationId, period, limits, now, "verifications"));
    }

    /** Gives back a verification that produced no verdict (a rejected file, an unavailable registry). */
    @Transactional
    public void refundVerification(UUID organizationId, QuotaPeriod period) {
        repository.subtract(organizationId, period, 0, 0, 1);
    }

    /**
     * Reserves uploads and stored bytes for asset-service.
     *
     * @throws ProblemException 429 when either would pass its limit; nothing is counted then
     */
    @Transactional
    public QuotaUsage reserve(UUID organizationId, int uploads, long storageBytes, UUID assetId) {
        Instant now = Instant.now();
        QuotaPeriod period = QuotaPeriod.containing(now);
        QuotaLimits limits = limits(organizationId, period);
        repository.ensurePeriod(organizationId, period, limits);
        QuotaUsage usage = repository.reserve(organizationId, period, uploads, storageBytes, limits)
                .orElseThrow(() -> {
                    QuotaUsage current = repository.find(organizationId, period).orElseThrow();
                    boolean uploadsFull = uploads > 0 && current.uploads() + uploads > limits.uploads();
                    Log.infof("Quota reservation rejected for organization %s, asset %s: uploads %d, storage bytes %d",
                            organizationId, assetId, uploads, storageBytes);
                    return exceeded(organizationId, period, limits, now, uploadsFull ? "uploads" : "storage");
                });
        Log.debugf("Reserved uploads %d, storage bytes %d for organization %s, asset %s", uploads, storageBytes,
                organizationId, assetId);
        return usage;
    }

    /** Returns uploads and stored bytes; the counters never drop below zero. */
    @Transactional
    public QuotaUsage release(UUID organizationId, int uploads, long storageBytes, UUID assetId) {
        QuotaPeriod period = QuotaPeriod.containing(Instant.now());
        repository.ensurePeriod(organizationId, period, limits(organizationId, period));
        QuotaUsage usage = repository.subtract(organizationId, period, uploads, storageBytes, 0);
        Log.debugf("Released uploads %d, storage bytes %d for organization %s, asset %s", uploads, storageBytes,
                organizationId, assetId);
        return usage;
    }

    /** Returns the organization's usage in the current month, with its current limits. */
    @Transactional
    public QuotaUsage current(UUID organizationId) {
        QuotaPeriod period = QuotaPeriod.containing(Instant.now());
        QuotaLimits limits = limits(organizationId, period);
        repository.ensurePeriod(organizationId, period, limits);
        QuotaUsage stored = repository.find(organizationId, period).orElseThrow();
        // The row keeps the limits of its last change; show the ones in force now.
        return new QuotaUsage(period, stored.uploads(), limits.uploads(), stored.verifications(),
                limits.verifications(), stored.storageBytes(), limits.storageBytes());
    }

    /** Sets an operator's limits for the organization; null fields keep the plan's. */
    @Transactional
    public void setOverride(UUID organizationId, QuotaRepository.Override override) {
        repository.saveOverride(organizationId, override);
        Log.infof("Quota override for organization %s: uploads %s, verifications %s, storage bytes %s",
                organizationId, override.uploads(), override.verifications(), override.storageBytes());
    }

    /** Removes the organization's override; returns whether there was one. */
    @Transactional
    public boolean clearOverride(UUID organizationId) {
        boolean removed = repository.deleteOverride(organizationId);
        if (removed) {
            Log.infof("Quota override for organization %s removed", organizationId);
        }
        return removed;
    }

    private QuotaLimits limits(UUID organizationId, QuotaPeriod period) {
        QuotaLimits plan = plans.limits(organizationId, period);
        return repository.findOverride(organizationId)
                .map(override -> new QuotaLimits(plan.plan(),
                        override.uploads() != null ? override.uploads() : plan.uploads(),
                        override.verifications() != null ? override.verifications() : plan.verifications(),
                        override.storageBytes() != null ? override.storageBytes() : plan.storageBytes()))
                .orElse(plan);
    }

    /** Builds the 429 for a used-up quota; the limits are those in force, which the refused UPDATE did not store. */
    private ProblemException exceeded(UUID organizationId, QuotaPeriod period, QuotaLimits limits, Instant now,
            String quota) {
        QuotaUsage usage = repository.find(organizationId, period).orElseThrow();
        long limit;
        long used;
        String what;
        switch (quota) {
            case "uploads" -> {
                limit = limits.uploads();
                used = usage.uploads();
                what = "upload";
            }
            case "storage" -> {
                limit = limits.storageBytes();
                used = usage.storageBytes();
                what = "storage";
            }
            default -> {
                limit = limits.verifications();
                used = usage.verifications();
                what = "verification";
            }
        }
        long retryAfter = period.secondsUntilEnd(now);
        String unit = quota.equals("storage") ? " bytes" : "";
        String detail = "The organization's monthly " + what + " quota is used up: " + used + unit + " of " + limit
                + unit + " in the month that started " + period.start() + ". It resets on " + period.end() + ".";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(retryAfter));
        headers.put(RateLimitStatus.LIMIT, Long.toString(limit));
        headers.put(RateLimitStatus.REMAINING, Long.toString(Math.max(0, limit - used)));
        headers.put(RateLimitStatus.RESET, Long.toString(retryAfter));
        return new ProblemException(ProblemType.RATE_LIMITED.problem(detail), headers);
    }
}
