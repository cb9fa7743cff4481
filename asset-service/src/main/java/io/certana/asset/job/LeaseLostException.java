package io.certana.asset.job;

import java.util.UUID;

/**
 * The worker no longer holds the job: its lease ran out and another worker claimed it. The step's
 * transaction is rolled back and the worker leaves the job to its new holder.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(UUID jobId, String workerId) {
        super("worker " + workerId + " no longer holds job " + jobId, null, false, false);
    }
}
