package io.certana.asset.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.certana.asset.config.AssetConfig;
import io.certana.asset.job.JobWorkerPool;
import jakarta.enterprise.context.ApplicationScoped;

/** Liveness of asset-service: up while the registration workers run (or are turned off on purpose). */
@Liveness
@ApplicationScoped
public class AssetLiveness implements HealthCheck {

    private final JobWorkerPool workers;
    private final boolean workersEnabled;

    public AssetLiveness(JobWorkerPool workers, AssetConfig config) {
        this.workers = workers;
        this.workersEnabled = config.jobs().enabled();
    }

    @Override
    public HealthCheckResponse call() {
        String state = "disabled";
        if (workersEnabled) {
            state = workers.running() ? "running" : "stopped";
        }
        return HealthCheckResponse.named("asset-service").status(!state.equals("stopped"))
                .withData("workers", state)
                .build();
    }
}
