package io.certana.asset;

import java.nio.file.Path;
import java.util.Map;

import io.certana.testing.IdentityService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the packaged identity-service as a process before asset-service's tests start the
 * application, and points asset-service at it: API keys, memberships and signing key references
 * are then checked the way they are in production.
 */
public class IdentityServiceResource implements QuarkusTestResourceLifecycleManager {

    /** The internal token of asset-service's test profile, which identity-service must accept. */
    static final String INTERNAL_TOKEN = "test-internal-token-not-secret";

    private static volatile IdentityService identity;

    /** Returns the running identity-service. */
    static IdentityService identity() {
        if (identity == null) {
            throw new IllegalStateException("identity-service is not running: the test class needs AssetTestResources");
        }
        return identity;
    }

    @Override
    public Map<String, String> start() {
        identity = IdentityService.start(INTERNAL_TOKEN, Path.of("target", "identity-service-test.log"));
        return Map.of("certana.internal.identity-url", identity.baseUri().toString());
    }

    @Override
    public void stop() {
        if (identity != null) {
            identity.close();
            identity = null;
        }
    }
}
