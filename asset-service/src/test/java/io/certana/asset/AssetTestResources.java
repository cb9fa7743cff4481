package io.certana.asset;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The test resources every asset-service test runs with, declared once for all test classes:
 * a real identity-service process, and the shared models when present.
 */
@WithTestResource(value = IdentityServiceResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SharedModelsResource.class, scope = TestResourceScope.GLOBAL)
public final class AssetTestResources {

    private AssetTestResources() {
    }
}
