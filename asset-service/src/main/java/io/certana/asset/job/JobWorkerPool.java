package io.certana.asset.job;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.certana.asset.config.AssetConfig;
import io.certana.asset.processing.RegistrationRunner;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * A fixed pool of worker threads that run registration jobs from the PostgreSQL queue, started
 * with the application and stopped with it.
 *
 * <p>Each worker claims one job at a time ({@code FOR UPDATE SKIP LOCKED}, so several instances
 * share the queue), runs it, and claims the next; an idle worker sleeps until an upload on this
 * instance wakes it or the poll interval passes. A heartbeat thread renews the lease of every job
 * in flight. A job whose worker dies is claimed again by any worker once its lease expires.
 *
 * <p>Stopping lets running jobs finish for {@code jobs.shutdown-grace}, then interrupts them; an
 * interrupted job is handed back to the queue at once, without counting as a failed attempt.
 */
@ApplicationScoped
public class JobWorkerPool {

    private final AssetConfig.Jobs config;
    private final JobQueue queue;
    private final Instance<RegistrationRunner> runner;
    private final String instanceId = instanceName();
    private final Semaphore wakeUps = new Semaphore(0);
    private final Map<UUID, String> inFlight = new ConcurrentHashMap<>();

    private ExecutorService workers;
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    public JobWorkerPool(AssetConfig config, JobQueue queue, Instance<RegistrationRunner> runner) {
        this.config = config.jobs();
        this.queue = queue;
        this.runner = runner;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            Log.info("Registration workers are off (certana.asset.jobs.enabled=false) on this instance");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the workers and the heartbeat; does nothing when they run already. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger counter = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), task -> {
            Thread thread = new Thread(task, "asset-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= config.workers(); i++) {
            String workerId = instanceId + "/" + i;
            workers.submit(() -> work(workerId));
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "asset-job-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::renewLeases, interval, interval, TimeUnit.MILLISECONDS);
        Log.infof("Started %d registration workers as %s (lease %s, heartbeat %s)", config.workers(), instanceId,
                config.lease(), config.heartbeat());
    }

    /** Stops the workers: running jobs get the grace period, then are interrupted and handed back. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUps.release(config.workers());
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                Log.infof("Interrupting %d running registration job(s) at shutdown", inFlight.size());
                workers.shutdownNow();
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    Log.warnf("Registration workers did not stop; their jobs are claimed again when the leases expire");
                }
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        heartbeat.shutdownNow();
        Log.info("Stopped the registration workers");
    }

    /** Wakes an idle worker, so a job queued on this instance starts without waiting for the poll interval. */
    public void wakeUp() {
        if (wakeUps.availablePermits() < config.workers()) {
            wakeUps.release();
        }
    }

    /** Returns whether the workers run. */
    public boolean running() {
        return running;
    }

    private void work(String workerId) {
        while (running) {
            Optional<JobRepository.Claim> claim;
            try {
                claim = queue.claimNext(workerId, config.lease());
            } catch (RuntimeException e) {
                Log.errorf(e, "Worker %s could not claim a job; retrying after %s", workerId, config.pollInterval());
                idle();
                continue;
            }
            if (claim.isEmpty()) {
                idle();
                continue;
            }
            inFlight.put(claim.get().id(), workerId);
            try {
                runner.get().run(claim.get(), workerId, () -> !running);
            } finally {
                inFlight.remove(claim.get().id());
                // A worker interrupted at shutdown must not carry the flag into its next claim.
                Thread.interrupted();
            }
        }
    }

    private void idle() {
        try {
            wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void renewLeases() {
        Duration lease = config.lease();
        inFlight.forEach((jobId, workerId) -> {
            try {
                // A job that just finished is no longer running: that is no lost lease.
                if (!queue.renew(jobId, workerId, lease)) {
                    queue.runningHolder(jobId).filter(holder -> !holder.equals(workerId)).ifPresent(holder ->
                            Log.warnf("Worker %s lost the lease on job %s to worker %s", workerId, jobId, holder));
                }
            } catch (RuntimeException e) {
                Log.errorf(e, "Could not renew the lease on job %s of worker %s", jobId, workerId);
            }
        });
    }

    /** Names this instance in {@code locked_by}: host and process id, so an operator can find the worker. */
    private static String instanceName() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return runtime + ":" + suffix;
    }
}
