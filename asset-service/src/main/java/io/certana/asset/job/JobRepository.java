package io.certana.asset.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The queue operations on {@code processing_jobs}. Each method is one statement; the callers hold
 * the transaction. Every update of a running job names the worker, so a worker whose lease was
 * taken over by another one changes nothing.
 */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<ProcessingJob, UUID> {

    /**
     * A job a worker has claimed.
     *
     * @param id the job
     * @param assetId its asset
     * @param step the next step to run
     * @param attempts claims so far, this one included
     * @param maxAttempts claims allowed
     */
    public record Claim(UUID id, UUID assetId, RegistrationStep step, int attempts, int maxAttempts) {
    }

    public Optional<ProcessingJob> findByAsset(UUID assetId) {
        return find("assetId", assetId).firstResultOptional();
    }

    /**
     * Claims up to {@code limit} jobs for a worker: queued jobs that are due, and running jobs whose
     * lease has expired because their worker died or hung. {@code FOR UPDATE SKIP LOCKED} lets
     * concurrent claimers pass over each other's rows instead of waiting or claiming twice.
     */
    @SuppressWarnings("unchecked")
    public List<Claim> claim(String workerId, int limit, Duration lease) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                UPDATE processing_jobs
                SET status = 'running', locked_by = :worker, attempts = attempts + 1,
                    lease_until = now() + CAST(:lease AS interval), updated_at = now()
                WHERE id IN (
                    SELECT id FROM processing_jobs
                    WHERE (status = 'queued' AND run_after <= now())
                       OR (status = 'running' AND lease_until < now())
                    ORDER BY run_after, created_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, asset_id, step, attempts, max_attempts""")
                .setParameter("worker", workerId)
                .setParameter("lease", lease.toMillis() + " milliseconds")
                .setParameter("limit", limit)
                .getResultList();
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            claims.add(new Claim((UUID) row[0], (UUID) row[1], RegistrationStep.parse((String) row[2]),
                    ((Number) row[3]).intValue(), ((Number) row[4]).intValue()));
        }
        return claims;
    }

    /** Extends the lease of a job the worker still holds; returns false when it lost the job. */
    public boolean renewLease(UUID jobId, String workerId, Duration lease) {
        return getEntityManager().createNativeQuery("""
                UPDATE processing_jobs SET lease_until = now() + CAST(:lease AS interval)
                WHERE id = :id AND locked_by = :worker AND status = 'running'""")
                .setParameter("id", jobId)
                .setParameter("worker", workerId)
                .setParameter("lease", lease.toMillis() + " milliseconds")
                .executeUpdate() == 1;
    }

    /** Returns the worker that has claimed a running job, or empty when the job is not running. */
    public Optional<String> runningHolder(UUID jobId) {
        return find("id = ?1 and status = ?2", jobId, ProcessingJob.RUNNING).firstResultOptional()
                .map(job -> job.lockedBy);
    }

    /** Moves a claimed job to its next step; returns false when another worker has claimed it since. */
    public boolean advance(UUID jobId, String workerId, RegistrationStep next) {
        return update("step = ?1, updatedAt = ?2 where id = ?3 and lockedBy = ?4 and status = ?5",
                next.wireName(), Instant.now(), jobId, workerId, ProcessingJob.RUNNING) == 1;
    }

    /** Ends a held job as completed. */
    public boolean complete(UUID jobId, String workerId) {
        Instant now = Instant.now();
        return update("status = ?1, step = ?2, leaseUntil = null, updatedAt = ?3, finishedAt = ?3, lastError = null "
                        + "where id = ?4 and lockedBy = ?5 and status = ?6",
                ProcessingJob.COMPLETED, RegistrationStep.DONE.wireName(), now, jobId, workerId,
                ProcessingJob.RUNNING) == 1;
    }

    /** Ends a held job as failed. */
    public boolean fail(UUID jobId, String workerId, String error) {
        Instant now = Instant.now();
        return update("status = ?1, leaseUntil = null, updatedAt = ?2, finishedAt = ?2, lastError = ?3 "
                        + "where id = ?4 and lockedBy = ?5 and status = ?6",
                ProcessingJob.FAILED, now, error, jobId, workerId, ProcessingJob.RUNNING) == 1;
    }

    /**
     * Puts a held job back in the queue, due after {@code delay} on the database clock (the clock the
     * claim query compares with), after a transient error or at shutdown. A job handed back at
     * shutdown gets its attempt refunded, because it did not fail.
     */
    public boolean requeue(UUID jobId, String workerId, Duration delay, String error, boolean refundAttempt) {
        return getEntityManager().createNativeQuery("""
                UPDATE processing_jobs
                SET status = 'queued', run_after = now() + CAST(:delay AS interval), lease_until = NULL,
                    attempts = CASE WHEN :refund THEN GREATEST(attempts - 1, 0) ELSE attempts END,
                    locked_by = NULL, updated_at = now(), last_error = :error
                WHERE id = :id AND locked_by = :worker AND status = 'running'""")
                .setParameter("delay", delay.toMillis() + " milliseconds")
                .setParameter("error", error)
                .setParameter("refund", refundAttempt)
                .setParameter("id", jobId)
                .setParameter("worker", workerId)
                .executeUpdate() == 1;
    }

    /** Queues a finished (failed) job again from its current step, with fresh attempts. */
    public void restart(UUID jobId, int maxAttempts) {
        update("status = ?1, attempts = 0, maxAttempts = ?2, runAfter = ?3, leaseUntil = null, lockedBy = null, "
                + "finishedAt = null, updatedAt = ?3 where id = ?4",
                ProcessingJob.QUEUED, maxAttempts, Instant.now(), jobId);
    }
}
