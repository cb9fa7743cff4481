package io.certana.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import io.certana.testing.IdentityService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the packaged identity-service and asset-service as processes on 127.0.0.1 before
 * verification-service's tests start the application, and wires the three together: API keys,
 * memberships and plans come from the real identity-service, candidates from the real asset-service,
 * and asset-service reserves its quota in the verification-service under test. That service's port
 * is chosen here, because asset-service needs it at start.
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {

    /** The internal token of verification-service's test profile, shared by all three services. */
    static final String INTERNAL_TOKEN = "test-internal-token-not-secret";

    private static volatile IdentityService identity;
    private static volatile AssetService asset;
    private static volatile int verificationPort;

    static IdentityService identity() {
        if (identity == null) {
            throw new IllegalStateException("identity-service is not running: the test class needs TestServices");
        }
        return identity;
    }

    static AssetService asset() {
        if (asset == null) {
            throw new IllegalStateException("asset-service is not running: the test class needs TestServices");
        }
        return asset;
    }

    @Override
    public Map<String, String> start() {
        verificationPort = freePort();
        identity = IdentityService.start(INTERNAL_TOKEN, Path.of("target", "identity-service-test.log"));
        asset = AssetService.start(INTERNAL_TOKEN, identity.baseUri(),
                URI.create("http://127.0.0.1:" + verificationPort), Path.of("target", "asset-service-test.log"));
        return Map.of(
                "quarkus.http.test-port", Integer.toString(verificationPort),
                "certana.internal.identity-url", identity.baseUri().toString(),
                "certana.verification.asset-url", asset.baseUri().toString());
    }

    @Override
    public void stop() {
        if (asset != null) {
            asset.close();
            asset = null;
        }
        if (identity != null) {
            identity.close();
            identity = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }
}
