package io.certana.asset.processing;

import io.certana.asset.fingerprint.FingerprintValues;
import io.certana.asset.job.JobRepository;

import java.util.UUID;

/**
 * The results one claim of a job has computed so far, which later steps of the same run reuse
 * instead of reading them back. A run that resumes after a crash starts empty and reads what it
 * needs from the database and the blob store.
 */
final class RegistrationRun {

    final JobRepository.Claim claim;
    final String workerId;

    /** The uploaded bytes, once read. */
    byte[] original;
    /** The encoded watermarked output, once produced or read. */
    byte[] output;
    /** The stored fingerprint row and its values, once computed or read. */
    UUID fingerprintId;
    FingerprintValues fingerprint;

    RegistrationRun(JobRepository.Claim claim, String workerId) {
        this.claim = claim;
        this.workerId = workerId;
    }

    UUID assetId() {
        return claim.assetId();
    }
}
