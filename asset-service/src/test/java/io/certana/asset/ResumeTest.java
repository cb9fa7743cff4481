package io.certana.asset;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.certana.asset.job.JobWorkerPool;
import io.certana.asset.job.ProcessingJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Jobs survive their workers: a job whose worker died (its lease expired) is claimed again by
 * another worker, and a job whose workers stop mid-way resumes at the step where it stopped.
 */
@QuarkusTest
class ResumeTest {

    @Inject
    JobWorkerPool workers;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void restartWorkers() {
        workers.start();
    }

    @Test
    void expiredLeaseIsTakenOver() {
        Tenants.Tenant tenant = Tenants.primary();
        workers.stop();
        UUID id = AssetApi.register(tenant.writeKey(), TestPictures.png(500, 400, 501), "orphan.png", "image/png");

        // The state a worker leaves when its process dies after claiming the job: running, its
        // name on it, and a lease that has run out since.
        int updated = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                UPDATE processing_jobs SET status = 'running', locked_by = 'dead-host:1/1', attempts = 1,
                       lease_until = now() - interval '1 second'
                WHERE asset_id = :asset""").setParameter("asset", id).executeUpdate());
        assertEquals(1, updated);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE assets SET processing_status = 'processing' WHERE id = :asset")
                .setParameter("asset", id).executeUpdate());

        workers.start();
        AssetApi.awaitCompleted(tenant.writeKey(), id);
        ProcessingJob job = job(id);
        assertEquals(ProcessingJob.COMPLETED, job.status);
        assertEquals(2, job.attempts, "the dead worker's claim and the new one");
        assertNotEquals("dead-host:1/1", job.lockedBy);
    }

    @Test
    void stoppedJobResumesAtItsStep() {
        Tenants.Tenant tenant = Tenants.primary();
        UUID id = AssetApi.register(tenant.writeKey(), TestPictures.png(1800, 1400, 502), "big.png", "image/png");

        // Stop the workers once the job has stored its watermarked output and moved on.
        ProcessingJob running = awaitJob(id, Set.of("fingerprint", "match", "commit"), Duration.ofSeconds(60));
        workers.stop();
        ProcessingJob stopped = job(id);
        String storedCid = AssetApi.get(tenant.readKey(), id).path("watermarked.cid");
        assertTrue(storedCid != null, "the output was not recorded before the stop");
        assertTrue(List.of("queued", "completed").contains(stopped.status),
                "a stopped worker hands its job back: status " + stopped.status);
        assertTrue(stopped.attempts <= running.attempts, "handing back at a stop costs no attempt");

        workers.start();
        Response asset = AssetApi.awaitCompleted(tenant.writeKey(), id);
        assertEquals(storedCid, asset.path("watermarked.cid"), "the watermark step ran again");
        assertEquals(ProcessingJob.COMPLETED, job(id).status);
    }

    @Test
    void failedAssetRestartsOnReupload() {
        Tenants.Tenant tenant = Tenants.primary();
        byte[] image = TestPictures.png(450, 350, 503);
        workers.stop();
        UUID id = AssetApi.register(tenant.writeKey(), image, "retry.png", "image/png");
        // The state a permanent error leaves: job and asset failed, with the reason.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("UPDATE processing_jobs SET status = 'failed', attempts = 6, "
                    + "finished_at = now() WHERE asset_id = :asset").setParameter("asset", id).executeUpdate();
            entityManager.createNativeQuery("UPDATE assets SET processing_status = 'failed', "
                    + "processing_error = 'simulated failure' WHERE id = :asset").setParameter("asset", id).executeUpdate();
        });
        AssetApi.get(tenant.readKey(), id).then().body("processingStatus", equalTo("failed"))
                .body("processingError", equalTo("simulated failure"));
        workers.start();

        AssetApi.upload(tenant.writeKey(), image, "retry.png", "image/png").then().statusCode(202)
                .body("id", equalTo(id.toString()))
                .body("processingStatus", equalTo("pending"));
        AssetApi.awaitCompleted(tenant.writeKey(), id).then().body("processingError", equalTo(null));
        assertEquals(1, job(id).attempts, "a restarted job starts with fresh attempts");
    }

    private ProcessingJob job(UUID assetId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from ProcessingJob where assetId = :asset", ProcessingJob.class)
                .setParameter("asset", assetId).getSingleResult());
    }

    private ProcessingJob awaitJob(UUID assetId, Set<String> steps, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ProcessingJob job = job(assetId);
            if (steps.contains(job.step) || job.status.equals(ProcessingJob.COMPLETED)) {
                return job;
            }
            AssetApi.sleep(20);
        }
        fail("job of asset " + assetId + " did not reach " + steps + " within " + timeout);
        return null;
    }
}
