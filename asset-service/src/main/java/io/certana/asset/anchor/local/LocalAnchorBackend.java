package io.certana.asset.anchor.local;

import java.time.Duration;
import java.util.Optional;

import io.certana.asset.anchor.AnchorState;
import io.certana.asset.anchor.backend.AnchorBackend;
import io.certana.asset.anchor.backend.AnchorBackendException;
import io.certana.asset.anchor.backend.AnchorReceipt;
import io.certana.asset.anchor.backend.AnchorStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Anchors batch roots in the embedded transparency log. A root is appended as a log entry, and
 * its receipt is {@code local:<entry index>}. The anchor is finalized as soon as a signed tree head
 * covers the entry, which this backend publishes when it checks a newer entry: a signed head
 * cannot be reorganised, and a later head that left the entry out would fail the consistency proof
 * against it.
 */
@ApplicationScoped
public class LocalAnchorBackend implements AnchorBackend {

    /** Backend and network name of the embedded log. */
    public static final String NAME = "local";

    private static final String RECEIPT_PREFIX = "local:";

    private final TransparencyLog log;

    public LocalAnchorBackend(TransparencyLog log) {
        this.log = log;
    }

    /** Returns the receipt of a log entry, {@code local:<index>}. */
    public static String receiptFor(long leafIndex) {
        return RECEIPT_PREFIX + leafIndex;
    }

    /** Returns the entry index a receipt names, or empty when it is not a local receipt. */
    public static Optional<Long> entryIndex(String txHash) {
        if (txHash == null || !txHash.startsWith(RECEIPT_PREFIX)) {
            return Optional.empty();
        }
        try {
            long index = Long.parseLong(txHash.substring(RECEIPT_PREFIX.length()));
            return index < 0 ? Optional.empty() : Optional.of(index);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String network() {
        return NAME;
    }

    @Override
    public AnchorReceipt submit(byte[] batchRoot) {
        return AnchorReceipt.submitted(NAME, receiptFor(log.append(batchRoot)));
    }

    @Override
    public AnchorStatus status(AnchorReceipt receipt) {
        long index = entryIndex(receipt.txHash()).orElseThrow(() -> new AnchorBackendException(
                "'" + receipt.txHash() + "' is not a receipt of the local transparency log"));
        if (index >= log.size()) {
            // The entry was never committed, so the submission is lost.
            return AnchorStatus.lost(AnchorState.DROPPED);
        }
        Optional<TransparencyLog.SignedTreeHead> head = log.latestTreeHead();
        if (head.isEmpty() || head.get().head().treeSize() <= index) {
            head = log.publishTreeHead();
        }
        long covered = head.map(signed -> signed.head().treeSize()).orElse(0L);
        if (covered <= index) {
            return AnchorStatus.notIncluded();
        }
        return new AnchorStatus(AnchorState.FINALIZED, index, null, covered - index);
    }

    @Override
    public Optional<Duration> dropTimeout() {
        return Optional.empty();
    }
}
