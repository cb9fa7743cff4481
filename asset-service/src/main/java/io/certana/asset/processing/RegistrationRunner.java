package io.certana.asset.processing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.certana.asset.asset.Asset;
import io.certana.asset.config.AssetConfig;
import io.certana.asset.job.AssetGoneException;
import io.certana.asset.job.Backoff;
import io.certana.asset.job.JobQueue;
import io.certana.asset.job.JobRepository;
import io.certana.asset.job.LeaseLostException;
import io.certana.asset.job.RegistrationFailure;
import io.certana.asset.job.RegistrationStep;
import io.certana.asset.job.JobErrors;
import io.certana.asset.quota.QuotaClient;
import io.certana.asset.quota.QuotaRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs one claimed job from its current step to the end, and decides what happens on an error: a
 * {@link RegistrationFailure} ends the job and the asset in failed; any other error puts the job
 * back in the queue with backoff until its attempts run out; a stop of the worker pool hands the
 * job back at once.
 */
@ApplicationScoped
public class RegistrationRunner {

    private final RegistrationPipeline pipeline;
    private final StepRecorder recorder;
    private final JobQueue queue;
    private final QuotaClient quota;
    private final MeterRegistry metrics;
    private final Backoff backoff;

    public RegistrationRunner(RegistrationPipeline pipeline, StepRecorder recorder, JobQueue queue, QuotaClient quota,
            MeterRegistry metrics, AssetConfig config) {
        this.pipeline = pipeline;
        this.recorder = recorder;
        this.queue = queue;
        this.quota = quota;
        this.metrics = metrics;
        this.backoff = new Backoff(config.jobs().backoffBase(), config.jobs().backoffMax());
    }

    /**
     * Runs a claimed job.
     *
     * @param stopping true once the worker pool is stopping; an error then hands the job back
     *     instead of counting as a failed attempt
     */
    public void run(JobRepository.Claim claim, String workerId, BooleanSupplier stopping) {
        if (claim.attempts() > claim.maxAttempts()) {
            // Its earlier workers died or hung without recording an error, attempt after attempt.
            fail(claim, workerId, "Registration was interrupted " + claim.maxAttempts()
                    + " times without finishing; processing gave up.");
            return;
        }
        Log.infof("Job %s: started asset %s at step %s, attempt %d of %d", claim.id(), claim.assetId(),
                claim.step().wireName(), claim.attempts(), claim.maxAttempts());
        long started = System.nanoTime();
        RegistrationStep step = claim.step();
        try {
            RegistrationRun run = pipeline.begin(claim, workerId);
            while (step != RegistrationStep.DONE) {
                if (stopping.getAsBoolean()) {
                    // Each finished step is recorded, so the job resumes here on any worker.
                    Log.infof("Job %s: handed asset %s back before step %s because the worker pool is stopping",
                            claim.id(), claim.assetId(), step.wireName());
                    requeue(claim, workerId, Duration.ZERO, "handed back at shutdown", true);
                    return;
                }
                Timer.Sample sample = Timer.start(metrics);
                pipeline.run(step, run);
                sample.stop(metrics.timer("certana.asset.job.step", "step", step.wireName()));
                step = step.next();
            }
            metrics.counter("certana.asset.jobs", "outcome", "completed").increment();
            Log.infof("Job %s: completed asset %s in %d ms", claim.id(), claim.assetId(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (AssetGoneException e) {
            Log.infof("Job %s: asset %s was deleted during step %s; stopped", claim.id(), claim.assetId(),
                    step.wireName());
        } catch (LeaseLostException e) {
            Log.warnf("Job %s: worker %s lost the lease on asset %s during step %s; another worker continues",
                    claim.id(), workerId, claim.assetId(), step.wireName());
        } catch (RegistrationFailure e) {
            Log.warnf("Job %s: asset %s failed at step %s: %s", claim.id(), claim.assetId(), step.wireName(),
                    e.getMessage());
            fail(claim, workerId, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            handleTransient(claim, workerId, step, e, stopping.getAsBoolean());
        }
    }

    private void handleTransient(JobRepository.Claim claim, String workerId, RegistrationStep step, Throwable error,
            boolean stopping) {
        String summary = JobErrors.summary(error);
        if (JobErrors.isPermanentDatabaseError(error)) {
            // A bug or a value the schema rejects: every retry would fail the same way.
            Log.errorf(error, "Job %s: the database rejected the data of asset %s at step %s", claim.id(),
                    claim.assetId(), step.wireName());
            fail(claim, workerId, "Registration failed at step " + step.wireName()
                    + " because the database rejected its data; the error is logged with job id " + claim.id() + ".");
            return;
        }
        if (stopping) {
            Log.infof("Job %s: handed asset %s back at step %s because the worker pool is stopping", claim.id(),
                    claim.assetId(), step.wireName());
            requeue(claim, workerId, Duration.ZERO, "interrupted by shutdown: " + summary, true);
            return;
        }
        if (claim.attempts() >= claim.maxAttempts()) {
            Log.errorf(error, "Job %s: asset %s failed at step %s after %d attempts", claim.id(), claim.assetId(),
                    step.wireName(), claim.attempts());
            fail(claim, workerId, "Registration failed after " + claim.attempts() + " attempts, because "
                    + JobErrors.describe(error) + ". Upload the same file again to retry.");
            return;
        }
        Duration delay = backoff.delayAfter(claim.attempts());
        Log.warnf(error, "Job %s: asset %s hit a transient error at step %s, attempt %d of %d; retrying in %d ms",
                claim.id(), claim.assetId(), step.wireName(), claim.attempts(), claim.maxAttempts(), delay.toMillis());
        metrics.counter("certana.asset.jobs", "outcome", "retried").increment();
        requeue(claim, workerId, delay, summary, false);
    }

    private void requeue(JobRepository.Claim claim, String workerId, Duration delay, String error, boolean refund) {
        try {
            if (!queue.requeue(claim.id(), workerId, delay, error, refund)) {
                Log.warnf("Job %s: could not requeue asset %s because another worker has claimed it", claim.id(),
                        claim.assetId());
            }
        } catch (RuntimeException e) {
            // The lease then runs out and another worker claims the job.
            Log.errorf(e, "Job %s: could not put asset %s back in the queue; its lease will expire", claim.id(),
                    claim.assetId());
        }
    }

    private void fail(JobRepository.Claim claim, String workerId, String error) {
        try {
            recorder.fail(claim, workerId, error).ifPresent(asset -> releaseQuota(asset));
            metrics.counter("certana.asset.jobs", "outcome", "failed").increment();
        } catch (LeaseLostException e) {
            Log.warnf("Job %s: worker %s lost the lease before it could record the failure", claim.id(), workerId);
        } catch (RuntimeException e) {
            Log.errorf(e, "Job %s: could not record the failure of asset %s; its lease will expire", claim.id(),
                    claim.assetId());
        }
    }

    private void releaseQuota(Asset asset) {
        quota.release(asset.organizationId,
                new QuotaRequest(asset.quotaUploadsReserved, asset.quotaStorageReserved, asset.id));
    }
}
