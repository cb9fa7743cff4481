package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.certana.platform.auth.ApiKeyIntrospection;
import io.certana.platform.auth.ApiKeyIntrospector;
import io.certana.platform.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * When API keys cannot be checked (identity-service unreachable from another service), requests
 * with a key get 503 problem+json, not 401 or 500. The outage is simulated by an introspector that
 * fails the way the platform's REST introspector does.
 */
@QuarkusTest
@TestProfile(IntrospectionOutageTest.OutageProfile.class)
class IntrospectionOutageTest {

    public static class OutageProfile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(UnreachableIntrospector.class);
        }
    }

    // Without @Priority, so only the profile above enables it and other test classes keep the
    // real introspector.
    @Alternative
    @ApplicationScoped
    public static class UnreachableIntrospector implements ApiKeyIntrospector {
        @Override
        public ApiKeyIntrospection introspect(String apiKey) {
            throw ProblemException.serviceUnavailable(
                    "The identity service is unavailable, so the credentials could not be checked. Try again shortly.");
        }
    }

    @Test
    void apiKeyDuringOutageIs503() {
        given().header("X-API-Key", "cert_pk_" + "D".repeat(43)).get("/api/v1/users/me")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://certana.io/problems/service-unavailable"));
    }
}
