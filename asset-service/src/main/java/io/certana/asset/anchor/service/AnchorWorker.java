package io.certana.asset.anchor.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.certana.asset.config.AnchoringConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs the batcher and the tracker every {@code certana.asset.anchoring.poll-interval} on one
 * background thread, started with the application unless {@code anchoring.enabled} is false. Each
 * pass cuts every batch that is due, then submits and checks the due anchors.
 */
@ApplicationScoped
public class AnchorWorker {

    private final AnchoringConfig config;
    private final Batcher batcher;
    private final AnchorTracker tracker;
    private ScheduledExecutorService executor;

    public AnchorWorker(AnchoringConfig config, Batcher batcher, AnchorTracker tracker) {
        this.config = config;
        this.batcher = batcher;
        this.tracker = tracker;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            Log.info("Anchoring is off on this instance (certana.asset.anchoring.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the passes; does nothing when they run already. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "asset-anchoring");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::pass, interval, interval, TimeUnit.MILLISECONDS);
        Log.infof("Started anchoring: batches every %s or %d commitments, checks every %s", config.batchInterval(),
                config.maxBatchSize(), config.pollInterval());
    }

    /** Stops the passes, letting a running one finish for a few seconds. */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
        Log.info("Stopped anchoring");
    }

    /** Cuts the due batches, then advances the due anchors. */
    void pass() {
        try {
            while (batcher.cutBatch(false).filter(cut -> cut.size() >= config.maxBatchSize()).isPresent()) {
                // A full batch may leave more commitments waiting: cut again at once.
            }
            tracker.trackDue();
        } catch (RuntimeException e) {
            Log.errorf(e, "Anchoring pass failed; retrying after %s", config.pollInterval());
        }
    }
}
