package io.certana.asset.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.certana.asset.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;

/** Ready only while the blob store can be written; readiness also includes the datasource check. */
@Readiness
@ApplicationScoped
public class BlobStoreReadiness implements HealthCheck {

    private final BlobStore blobs;

    public BlobStoreReadiness(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("blob-store").status(blobs.writable()).build();
    }
}
