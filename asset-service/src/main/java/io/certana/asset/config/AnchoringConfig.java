package io.certana.asset.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Anchoring of commitments in Merkle batches, under {@code certana.asset.anchoring}. */
@ConfigMapping(prefix = "certana.asset.anchoring")
public interface AnchoringConfig {

    /** Whether this instance runs the batcher and the anchor tracker; API-only instances may turn them off. */
    @WithDefault("true")
    boolean enabled();

    /** Backend that anchors new batches: {@code local} (the embedded transparency log) or {@code evm}. */
    @WithDefault("local")
    String backend();

    /** Longest time a signed commitment waits for a batch; a full batch is cut earlier. */
    @WithDefault("10S")
    Duration batchInterval();

    /** Most commitments in one batch; a batch is cut as soon as this many are waiting. */
    @WithDefault("1000")
    int maxBatchSize();

    /** Interval at which the batcher and the tracker look for work. */
    @WithDefault("1S")
    Duration pollInterval();

    /** Delay before a failed submission or status check is tried again; each further retry doubles it. */
    @WithDefault("2S")
    Duration retryBase();

    /** Maximum delay between two tries of a submission or status check. */
    @WithDefault("5M")
    Duration retryMax();

    /** Anchors submitted or checked in one tracker pass at most. */
    @WithDefault("100")
    int maxAnchorsPerPass();

    Local local();

    Evm evm();

    /** The embedded transparency log. */
    interface Local {

        /** Name of the log's Ed25519 key, stored wrapped under the signing master key. */
        @WithDefault("transparency-log:v1")
        String keyRef();
    }

    /** An Ethereum JSON-RPC endpoint. */
    interface Evm {

        /** JSON-RPC endpoint of an Ethereum node; required with {@code backend=evm}. */
        Optional<URI> rpcUrl();

        /** Name of the network: mainnet, testnet or devnet. */
        @WithDefault("devnet")
        String network();

        /** Chain id the node must report ({@code eth_chainId}); the service does not start when it differs. */
        Optional<Long> chainId();

        /**
         * Private key of the anchoring account, 32 bytes in hex; required with {@code backend=evm}.
         * Production reads it from a Secret ({@code CERTANA_ASSET_ANCHORING_EVM_PRIVATE_KEY}).
         */
        Optional<String> privateKey();

        /** Blocks, the including one counted, after which an anchor is confirmed. */
        @WithDefault("12")
        int confirmations();

        /**
         * How long a submitted transaction may stay without a receipt before it counts as dropped
         * and the batch is anchored again.
         */
        @WithDefault("10M")
        Duration dropTimeout();

        /** Timeout of one JSON-RPC request. */
        @WithDefault("10S")
        Duration requestTimeout();

        /** Highest fee per gas the service offers, in wei; without it, twice the base fee plus the tip. */
        Optional<Long> maxFeePerGasWei();
    }
}
