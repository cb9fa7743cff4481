package io.certana.asset.anchor.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

import io.certana.asset.anchor.Anchor;
import io.certana.asset.anchor.AnchorBatch;
import io.certana.asset.anchor.AnchorBatchRepository;
import io.certana.asset.anchor.AnchorRepository;
import io.certana.asset.anchor.AnchorState;
import io.certana.asset.anchor.backend.AnchorBackend;
import io.certana.asset.anchor.backend.AnchorBackendException;
import io.certana.asset.anchor.backend.AnchorBackends;
import io.certana.asset.anchor.backend.AnchorReceipt;
import io.certana.asset.anchor.backend.AnchorStatus;
import io.certana.asset.config.AnchoringConfig;
import io.certana.asset.job.Backoff;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves anchors forward: submits queued ones to their backend and checks submitted ones until they
 * are finalized. Each anchor is handled in its own transaction with its row locked
 * ({@code FOR UPDATE SKIP LOCKED}), and the batch and its commitments follow the anchor in the same
 * transaction, so they never disagree.
 *
 * <p>A dropped or failed anchor ends its attempt, and a new anchor of the same batch is queued in
 * that transaction with the backend that anchors new batches: nothing is lost. Submission and
 * status errors are logged and retried with exponential backoff.
 */
@ApplicationScoped
public class AnchorTracker {

    private final AnchorRepository anchors;
    private final AnchorBatchRepository batches;
    private final AnchorBackends backends;
    private final Backoff backoff;
    private final Duration pollInterval;
    private final int maxAnchorsPerPass;

    public AnchorTracker(AnchorRepository anchors, AnchorBatchRepository batches, AnchorBackends backends,
            AnchoringConfig config) {
        this.anchors = anchors;
        this.batches = batches;
        this.backends = backends;
        this.backoff = new Backoff(config.retryBase(), config.retryMax());
        this.pollInterval = config.pollInterval();
        this.maxAnchorsPerPass = config.maxAnchorsPerPass();
    }

    /**
     * Submits or checks every due anchor, at most {@code max-anchors-per-pass}.
     *
     * @return the number of anchors handled
     */
    public int trackDue() {
        int handled = 0;
        while (handled < maxAnchorsPerPass) {
            boolean found = QuarkusTransaction.requiringNew().call(() -> {
                Optional<Anchor> due = anchors.lockNextDue();
                due.ifPresent(this::advance);
                return due.isPresent();
            });
            if (!found) {
                break;
            }
            handled++;
        }
        return handled;
    }

    private void advance(Anchor anchor) {
        Instant now = now();
        anchor.updatedAt = now;
        Optional<AnchorBackend> backend = backends.find(anchor.backend);
        if (backend.isEmpty()) {
            anchor.lastError = "backend " + anchor.backend + " is not configured on this instance";
            anchor.nextCheckAt = now.plus(backoff.delayAfter(Integer.MAX_VALUE));
            Log.warnf("Anchor %s of batch %s needs the %s backend, which this instance lacks", anchor.id,
                    anchor.batchId, anchor.backend);
            return;
        }
        AnchorBatch batch = batches.findById(anchor.batchId);
        if (anchor.txHash == null) {
            submit(anchor, batch, backend.get(), now);
        } else {
            check(anchor, batch, backend.get(), now);
        }
    }

    private void submit(Anchor anchor, AnchorBatch batch, AnchorBackend backend, Instant now) {
        anchor.attempts++;
        try {
            AnchorReceipt receipt = backend.submit(HexFormat.of().parseHex(batch.root));
            anchor.txHash = receipt.txHash();
            anchor.network = receipt.network();
            anchor.submittedAt = now;
            anchor.lastError = null;
            // Check at once: the local log answers in the same pass; a chain answers "pending".
            anchor.nextCheckAt = now;
            batches.followAnchor(anchor);
            Log.infof("Submitted batch %s as %s on %s (anchor %s)", batch.id, anchor.txHash, anchor.network, anchor.id);
        } catch (AnchorBackendException e) {
            anchor.lastError = e.getMessage();
            Duration delay = backoff.delayAfter(anchor.attempts);
            anchor.nextCheckAt = now.plus(delay);
            Log.warnf("Could not submit batch %s (anchor %s, attempt %d); retrying in %s: %s", batch.id, anchor.id,
                    anchor.attempts, delay, e.getMessage());
        }
    }

    private void check(Anchor anchor, AnchorBatch batch, AnchorBackend backend, Instant now) {
        AnchorStatus status;
        try {
            status = backend.status(new AnchorReceipt(anchor.network, anchor.txHash, anchor.blockNumber, anchor.blockHash));
        } catch (AnchorBackendException e) {
            anchor.lastError = e.getMessage();
            Duration delay = backoff.delayAfter(1);
            anchor.nextCheckAt = now.plus(pollInterval.compareTo(delay) > 0 ? pollInterval : delay);
            Log.warnf("Could not check anchor %s (%s) of batch %s; retrying: %s", anchor.id, anchor.txHash, batch.id,
                    e.getMessage());
            return;
        }
        anchor.lastError = null;
        anchor.nextCheckAt = now.plus(pollInterval);

        switch (status.state()) {
            case PENDING -> {
                record(anchor, status);
                Optional<Duration> timeout = backend.dropTimeout();
                if (status.blockNumber() == null && timeout.isPresent()
                        && anchor.submittedAt.plus(timeout.get()).isBefore(now)) {
                    end(anchor, batch, AnchorState.DROPPED, "no receipt within " + timeout.get(), now);
                    return;
                }
                anchor.status = AnchorState.PENDING.wireName();
            }
            case CONFIRMED -> {
                record(anchor, status);
                anchor.status = AnchorState.CONFIRMED.wireName();
                if (anchor.confirmedAt == null) {
                    anchor.confirmedAt = now;
                    Log.infof("Anchor %s of batch %s confirmed in block %d", anchor.id, batch.id, status.blockNumber());
                }
            }
            case FINALIZED -> {
                record(anchor, status);
                anchor.status = AnchorState.FINALIZED.wireName();
                if (anchor.confirmedAt == null) {
                    anchor.confirmedAt = now;
                }
                anchor.finalizedAt = now;
                Log.infof("Anchor %s of batch %s finalized at block %d", anchor.id, batch.id, status.blockNumber());
            }
            case DROPPED, FAILED -> {
                end(anchor, batch, status.state(), endReason(anchor, status), now);
                return;
            }
        }
        follow(batch, anchor, now);
    }

    /**
     * Ends an attempt as dropped or failed and queues the batch's next anchor with the backend that
     * anchors new batches, in this transaction.
     */
    private void end(Anchor anchor, AnchorBatch batch, AnchorState state, String reason, Instant now) {
        anchor.status = state.wireName();
        anchor.endedAt = now;
        anchor.lastError = reason;
        // The partial unique index allows one current anchor per batch: end this one before the next exists.
        anchors.flush();

        Anchor next = Batcher.newAnchor(batch.id, backends.current(), now);
        anchors.persist(next);
        Log.warnf("Anchor %s (%s) of batch %s is %s: %s; queued anchor %s to anchor the batch again", anchor.id,
                anchor.txHash, batch.id, state.wireName(), reason, next.id);
        follow(batch, next, now);
    }

    /** Makes the batch and its commitments show the current anchor. */
    private void follow(AnchorBatch batch, Anchor current, Instant now) {
        batch.status = current.status;
        batch.updatedAt = now;
        batches.followAnchor(current);
    }

    /** Describes why a dropped or failed attempt ended, for {@code last_error} and the log. */
    private static String endReason(Anchor anchor, AnchorStatus status) {
        if (status.state() == AnchorState.FAILED) {
            return "the transaction was reverted in block " + status.blockNumber();
        }
        if (anchor.blockNumber == null) {
            return "the " + anchor.backend + " backend reported the transaction as lost before it was included";
        }
        return "a chain reorganisation removed the transaction from block " + anchor.blockNumber;
    }

    /**
     * Stores where the anchor was included. A status without a block keeps the block seen last,
     * because the backend compares it with the chain to detect a reorganisation.
     */
    private static void record(Anchor anchor, AnchorStatus status) {
        if (status.blockNumber() == null) {
            return;
        }
        anchor.blockNumber = status.blockNumber();
        anchor.blockHash = status.blockHash();
        anchor.confirmations = status.confirmations();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
