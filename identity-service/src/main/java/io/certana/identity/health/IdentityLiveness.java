package io.certana.identity.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.certana.identity.auth.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Liveness of identity-service: up while the process can sign tokens. Readiness adds the
 * datasource check that quarkus-agroal contributes.
 */
@Liveness
@ApplicationScoped
public class IdentityLiveness implements HealthCheck {

    private final SigningKeys keys;

    public IdentityLiveness(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("identity-service").up().withData("signingKeyId", keys.keyId()).build();
    }
}
