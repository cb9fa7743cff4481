package io.certana.verification.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.certana.verification.verify.VerificationService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Liveness of verification-service: up while the application runs, with the analysis it performs.
 * Readiness is the datasource check Quarkus adds.
 */
@Liveness
@ApplicationScoped
public class VerificationLiveness implements HealthCheck {

    private final VerificationService verifications;

    public VerificationLiveness(VerificationService verifications) {
        this.verifications = verifications;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("verification-service").up()
                .withData("modelVersion", verifications.modelVersion())
                .build();
    }
}
