package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and OpenAPI endpoints. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void healthChecksAreUp() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("identity-service"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsCountLogins() {
        IdentityApi.login(IdentityApi.uniqueEmail("metrics"), "wrong password 123").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("certana_identity_logins_total{outcome=\"failed\"}"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiDescribesEndpointsAndSecurity() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/auth/signup"))
                .body("paths", hasKey("/api/v1/organizations/{orgId}/api-keys"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"));
    }
}
