package io.certana.verification.quota;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The native SQL of the quota tables. Every change is one statement whose WHERE clause checks the
 * limit against the row's current value, so concurrent requests never count past a limit: PostgreSQL
 * locks the row for the first UPDATE and re-evaluates the WHERE clause of the others on the row it
 * committed. Callers hold a transaction.
 */
@ApplicationScoped
public class QuotaRepository {

    private static final String USAGE_COLUMNS = "period_start, period_end, uploads_count, uploads_limit, "
            + "verifications_count, verifications_limit, storage_used_bytes, storage_limit_bytes";

    /** An operator's limits for one organization; a null field keeps the plan's value. */
    public record Override(Integer uploads, Integer verifications, Long storageBytes) {
    }

    private final EntityManager entityManager;

    public QuotaRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Creates the organization's row of the period unless it exists. Storage is a running total, so
     * a new month starts from the latest earlier month's stored bytes.
     */
    public void ensurePeriod(UUID organizationId, QuotaPeriod period, QuotaLimits limits) {
        entityManager.createNativeQuery("""
                INSERT INTO quota_limits (organization_id, period_start, period_end, uploads_limit,
                                          verifications_limit, storage_limit_bytes, storage_used_bytes)
                SELECT :organization, :start, :end, :uploads, :verifications, :storage,
                       COALESCE((SELECT storage_used_bytes FROM quota_limits
                                 WHERE organization_id = :organization AND period_start < :start
                                 ORDER BY period_start DESC LIMIT 1), 0)
                ON CONFLICT (organization_id, period_start) DO NOTHING
                """)
                .setParameter("organization", organizationId)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setParameter("uploads", limits.uploads())
                .setParameter("verifications", limits.verifications())
                .setParameter("storage", limits.storageBytes())
                .executeUpdate();
    }

    /** Counts {@code count} verifications if they fit under the limit; empty when they do not. */
    public Optional<QuotaUsage> addVerifications(UUID organizationId, QuotaPeriod period, int count,
            QuotaLimits limits) {
        return single(entityManager.createNativeQuery("""
                UPDATE quota_limits
                SET verifications_count = verifications_count + :count,
                    uploads_limit = :uploads, verifications_limit = :verifications,
                    storage_limit_bytes = :storage, updated_at = now()
                WHERE organization_id = :organization AND period_start = :start
                  AND verifications_count + :count <= :verifications
                RETURNING""" + " " + USAGE_COLUMNS)
                .setParameter("count", count)
                .setParameter("uploads", limits.uploads())
                .setParameter("verifications", limits.verifications())
                .setParameter("storage", limits.storageBytes())
                .setParameter("organization", organizationId)
                .setParameter("start", period.start())
                .getResultList());
    }

    /**
     * Counts uploads and stored bytes if both fit; empty when either does not. An amount of zero is
     * not checked, so the storage of a registration's output is counted even when a lowered upload
     * limit is already passed.
     */
    public Optional<QuotaUsage> reserve(UUID organizationId, QuotaPeriod period, int uploads, long storageBytes,
            QuotaLimits limits) {
        return single(entityManager.createNativeQuery("""
                UPDATE quota_limits
                SET uploads_count = uploads_count + :uploads,
                    storage_used_bytes = storage_used_bytes + :bytes,
                    uploads_limit = :uploadsLimit, verifications_limit = :verificationsLimit,
                    storage_limit_bytes = :storageLimit, updated_at = now()
                WHERE organization_id = :organization AND period_start = :start
                  AND (:uploads = 0 OR uploads_count + :uploads <= :uploadsLimit)
                  AND (:bytes = 0 OR storage_used_bytes + :bytes <= :storageLimit)
                RETURNING""" + " " + USAGE_COLUMNS)
                .setParameter("uploads", uploads)
                .setParameter("bytes", storageBytes)
                .setParameter("uploadsLimit", limits.uploads())
                .setParameter("verificationsLimit", limits.verifications())
                .setParameter("storageLimit", limits.storageBytes())
                .setParameter("organization", organizationId)
                .setParameter("start", period.start())
                .getResultList());
    }

    /** Subtracts uploads, stored bytes and verifications, never below zero. */
    public QuotaUsage subtract(UUID organizationId, QuotaPeriod period, int uploads, long storageBytes,
            int verifications) {
        return single(entityManager.createNativeQuery("""
                UPDATE quota_limits
                SET uploads_count = GREATEST(0, uploads_count - :uploads),
                    storage_used_bytes = GREATEST(0, storage_used_bytes - :bytes),
                    verifications_count = GREATEST(0, verifications_count - :verifications),
                    updated_at = now()
                WHERE organization_id = :organization AND period_start = :start
                RETURNING""" + " " + USAGE_COLUMNS)
                .setParameter("uploads", uploads)
                .setParameter("bytes", storageBytes)
                .setParameter("verifications", verifications)
                .setParameter("organization", organizationId)
                .setParameter("start", period.start())
                .getResultList())
                .orElseThrow(() -> new IllegalStateException("quota row of organization " + organizationId
                        + " for " + period.start() + " is missing after it was ensured"));
    }

    public Optional<QuotaUsage> find(UUID organizationId, QuotaPeriod period) {
        return single(entityManager.createNativeQuery("SELECT " + USAGE_COLUMNS
                + " FROM quota_limits WHERE organization_id = :organization AND period_start = :start")
                .setParameter("organization", organizationId)
                .setParameter("start", period.start())
                .getResultList());
    }

    public Optional<Override> findOverride(UUID organizationId) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT uploads_limit, verifications_limit, storage_limit_bytes
                FROM quota_overrides WHERE organization_id = :organization
                """)
                .setParameter("organization", organizationId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Override(row[0] == null ? null : ((Number) row[0]).intValue(),
                row[1] == null ? null : ((Number) row[1]).intValue(),
                row[2] == null ? null : ((Number) row[2]).longValue()));
    }

    public void saveOverride(UUID organizationId, Override override) {
        entityManager.createNativeQuery("""
                INSERT INTO quota_overrides (organization_id, uploads_limit, verifications_limit, storage_limit_bytes)
                VALUES (:organization, :uploads, :verifications, :storage)
                ON CONFLICT (organization_id) DO UPDATE SET
                    uploads_limit = EXCLUDED.uploads_limit,
                    verifications_limit = EXCLUDED.verifications_limit,
                    storage_limit_bytes = EXCLUDED.storage_limit_bytes,
                    updated_at = now()
                """)
                .setParameter("organization", organizationId)
                // Typed, because Hibernate cannot infer a SQL type from a null value alone.
                .setParameter("uploads", new TypedParameterValue<>(StandardBasicTypes.INTEGER, override.uploads()))
                .setParameter("verifications",
                        new TypedParameterValue<>(StandardBasicTypes.INTEGER, override.verifications()))
                .setParameter("storage", new TypedParameterValue<>(StandardBasicTypes.LONG, override.storageBytes()))
                .executeUpdate();
    }

    public boolean deleteOverride(UUID organizationId) {
        return entityManager.createNativeQuery("DELETE FROM quota_overrides WHERE organization_id = :organization")
                .setParameter("organization", organizationId)
                .executeUpdate() > 0;
    }

    private static Optional<QuotaUsage> single(List<?> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        QuotaPeriod period = new QuotaPeriod(toLocalDate(row[0]), toLocalDate(row[1]));
        return Optional.of(new QuotaUsage(period, ((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).longValue(),
                ((Number) row[7]).longValue()));
    }

    private static java.time.LocalDate toLocalDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (java.time.LocalDate) value;
    }
}
