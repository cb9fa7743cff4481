package io.certana.asset.anchor.backend;

import java.time.Duration;
import java.util.Optional;

/**
 * A place where batch roots are anchored: the embedded transparency log ({@code local}) or an
 * Ethereum chain ({@code evm}). The tracker calls {@link #submit} once per anchor attempt and then
 * {@link #status} until the anchor is finalized, dropped or failed.
 *
 * <p>Another ledger maps its own commitment levels onto {@link io.certana.asset.anchor.AnchorState}.
 * A Solana backend, for example, would report {@code processed} as pending, {@code confirmed}
 * (a supermajority voted on the block) as confirmed and {@code finalized} (rooted) as finalized,
 * and a transaction whose blockhash expired before it landed as dropped.
 */
public interface AnchorBackend {

    /** Name stored with each anchor, lower case, for example {@code local}. */
    String name();

    /** Network name shown with each anchor: {@code local}, or mainnet, testnet or devnet. */
    String network();

    /**
     * Anchors a batch root. Runs inside the tracker's transaction for the anchor, so a backend that
     * writes to the database (local) commits with the anchor's record.
     *
     * @param batchRoot the 32-byte Merkle root of the batch
     * @throws AnchorBackendException when the root could not be submitted; the tracker retries
     */
    AnchorReceipt submit(byte[] batchRoot);

    /**
     * Reports where a submitted anchor stands.
     *
     * @throws AnchorBackendException when the state could not be read; the tracker retries
     */
    AnchorStatus status(AnchorReceipt receipt);

    /**
     * How long a submitted anchor may stay pending without being included before it counts as
     * dropped; empty when submissions cannot be lost.
     */
    Optional<Duration> dropTimeout();
}
