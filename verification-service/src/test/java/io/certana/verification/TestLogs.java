package io.certana.verification;

import java.time.Instant;
import java.util.UUID;

import io.certana.verification.log.VerificationLog;

/** Verification log rows for tests that write them directly, at a chosen time. */
final class TestLogs {

    private TestLogs() {
    }

    /** Builds the row of a successful verification with verdict unknown (rule no-match). */
    static VerificationLog unknownVerdict(UUID organizationId, Instant createdAt) {
        VerificationLog log = new VerificationLog();
        log.id = UUID.randomUUID();
        log.createdAt = createdAt;
        log.organizationId = organizationId;
        log.statusCode = 200;
        log.verdict = "unknown";
        log.verdictRule = "no-match";
        log.confidence = 0.0;
        log.processingTimeMs = 1;
        return log;
    }
}
