package io.certana.asset.job;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The registration job of one asset in the durable queue. {@code step} is the next step to run;
 * {@code leaseUntil} and {@code lockedBy} tell which worker holds a running job and until when.
 */
@Entity
@Table(name = "processing_jobs")
public class ProcessingJob {

    /** Queue states. */
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "asset_id", nullable = false)
    public UUID assetId;

    @Column(nullable = false)
    public String status;

    /** Wire name of the next {@link RegistrationStep}. */
    @Column(nullable = false)
    public String step;

    /** Claims so far, including the current one. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "run_after", nullable = false)
    public Instant runAfter;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "locked_by")
    public String lockedBy;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
