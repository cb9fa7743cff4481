package io.certana.asset.anchor.backend;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.certana.asset.anchor.evm.EvmAnchorBackend;
import io.certana.asset.anchor.local.LocalAnchorBackend;
import io.certana.asset.config.AnchoringConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The anchoring backends of this instance, by name. The local transparency log is always there,
 * so anchors it made stay trackable after a switch to evm; the evm backend is there when an RPC
 * URL is configured. New batches go to {@code certana.asset.anchoring.backend}.
 *
 * <p>At start, an evm backend checks the node's chain id and the start fails when it differs from
 * the configured one. An unreachable node does not stop the start: the check runs again before the
 * first submission.
 */
@Startup
@ApplicationScoped
public class AnchorBackends {

    private final Map<String, AnchorBackend> backends = new LinkedHashMap<>();
    private final AnchorBackend current;

    public AnchorBackends(AnchoringConfig config, LocalAnchorBackend local) {
        backends.put(local.name(), local);
        AnchoringConfig.Evm evm = config.evm();
        if (evm.rpcUrl().isPresent()) {
            EvmAnchorBackend backend = new EvmAnchorBackend(evmSettings(evm));
            backends.put(backend.name(), backend);
            try {
                backend.verifyChain();
                Log.infof("Anchoring on the %s network (chain id %d) from account %s", backend.network(),
                        evm.chainId().orElseThrow(), backend.address());
            } catch (AnchorBackendException e) {
                Log.warnf("Could not check the Ethereum node's chain id at start; anchors wait until it answers: %s",
                        e.getMessage());
            }
        }
        this.current = backends.get(config.backend());
        if (current == null) {
            throw new IllegalStateException("certana.asset.anchoring.backend is '" + config.backend() + "', but "
                    + (config.backend().equals(EvmAnchorBackend.NAME)
                            ? "certana.asset.anchoring.evm.rpc-url is not set"
                            : "the backends are local and evm"));
        }
        Log.infof("New batches are anchored with the %s backend (network %s)", current.name(), current.network());
    }

    /** Returns the backend that anchors new batches. */
    public AnchorBackend current() {
        return current;
    }

    /** Returns the backend of this name, or empty when this instance does not have it configured. */
    public Optional<AnchorBackend> find(String name) {
        return Optional.ofNullable(backends.get(name));
    }

    @PreDestroy
    void close() {
        backends.values().stream().filter(AutoCloseable.class::isInstance).forEach(backend -> {
            try {
                ((AutoCloseable) backend).close();
            } catch (Exception e) {
                Log.warnf(e, "Could not close the %s anchoring backend", backend.name());
            }
        });
    }

    private static EvmAnchorBackend.Settings evmSettings(AnchoringConfig.Evm evm) {
        long chainId = evm.chainId().orElseThrow(() -> new IllegalStateException(
                "certana.asset.anchoring.evm.chain-id is required with an rpc-url"));
        String privateKey = evm.privateKey().orElseThrow(() -> new IllegalStateException(
                "certana.asset.anchoring.evm.private-key is required with an rpc-url "
                        + "(CERTANA_ASSET_ANCHORING_EVM_PRIVATE_KEY)"));
        return new EvmAnchorBackend.Settings(evm.rpcUrl().orElseThrow(), evm.network(), chainId, privateKey,
                evm.confirmations(), evm.dropTimeout(), evm.requestTimeout(), evm.maxFeePerGasWei().map(BigInteger::valueOf));
    }
}
