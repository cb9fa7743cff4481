package io.certana.verification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The test resources every verification-service test runs with, declared once for all test classes. */
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.GLOBAL)
public final class TestServices {

    private TestServices() {
    }
}
