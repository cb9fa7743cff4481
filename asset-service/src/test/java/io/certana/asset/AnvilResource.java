package io.certana.asset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an Anvil node and points the evm anchoring backend at it through a {@link LaggingRpcProxy},
 * with Anvil's first development account as the anchoring account. Without the Anvil binary (see
 * {@link AnvilNode#binary}) it changes no configuration and {@link #node()} is empty, so the tests
 * that need it skip.
 */
public class AnvilResource implements QuarkusTestResourceLifecycleManager {

    private static volatile AnvilNode node;
    private static volatile LaggingRpcProxy proxy;

    /** Returns the running node, or empty when Anvil is not installed. */
    static Optional<AnvilNode> node() {
        return Optional.ofNullable(node);
    }

    /** Returns the proxy the service reaches the node through, or empty when Anvil is not installed. */
    static Optional<LaggingRpcProxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    @Override
    public Map<String, String> start() {
        Optional<Path> binary = AnvilNode.binary();
        if (binary.isEmpty()) {
            return Map.of();
        }
        try {
            node = AnvilNode.start(binary.get());
            proxy = LaggingRpcProxy.start(node.url());
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Could not start Anvil from " + binary.get() + " and its proxy", e);
        }
        return Map.of(
                "certana.asset.anchoring.backend", "evm",
                "certana.asset.anchoring.evm.rpc-url", proxy.url().toString(),
                "certana.asset.anchoring.evm.network", "devnet",
                "certana.asset.anchoring.evm.chain-id", String.valueOf(AnvilNode.CHAIN_ID),
                "certana.asset.anchoring.evm.private-key", AnvilNode.DEV_PRIVATE_KEY,
                "certana.asset.anchoring.evm.confirmations", "3",
                "certana.asset.anchoring.evm.drop-timeout", "1S",
                "certana.asset.anchoring.evm.request-timeout", "2S",
                "certana.asset.anchoring.retry-base", "50MS");
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        if (node != null) {
            node.close();
            node = null;
        }
    }
}
