package io.certana.asset.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The queue operations that run in a transaction of their own, for the workers and the heartbeat. */
@ApplicationScoped
public class JobQueue {

    private final JobRepository jobs;

    public JobQueue(JobRepository jobs) {
        this.jobs = jobs;
    }

    /** Claims the next due job, or a job whose lease expired, for the worker. */
    @Transactional
    public Optional<JobRepository.Claim> claimNext(String workerId, Duration lease) {
        List<JobRepository.Claim> claims = jobs.claim(workerId, 1, lease);
        return claims.stream().findFirst();
    }

    /** Extends the lease; false when the worker lost the job. */
    @Transactional
    public boolean renew(UUID jobId, String workerId, Duration lease) {
        return jobs.renewLease(jobId, workerId, lease);
    }

    /** Returns the worker that has claimed a running job, or empty when the job is not running any more. */
    @Transactional
    public Optional<String> runningHolder(UUID jobId) {
        return jobs.runningHolder(jobId);
    }

    /** Puts a held job back in the queue after {@code delay}. */
    @Transactional
    public boolean requeue(UUID jobId, String workerId, Duration delay, String error, boolean refundAttempt) {
        return jobs.requeue(jobId, workerId, delay, error, refundAttempt);
    }
}
