package io.certana.verification.log.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.certana.verification.log.VerificationLog;

/**
 * One verification log entry as the API returns it.
 *
 * @param statusCode the HTTP status the request ended with; 200 when it produced a verdict
 * @param errorType the problem type slug of a failed request
 * @param rule the verdict rule that decided
 * @param matchedAssetId the registered asset the verdict is about
 * @param evidence the evidence block of the verify response
 * @param timings milliseconds per step: decodeMs, detectMs, pdqMs, matchMs, totalMs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationLogView(UUID id, Instant createdAt, UUID organizationId, UUID userId, UUID apiKeyId,
        int statusCode, String errorType, String verdict, String rule, Double confidence, UUID matchedAssetId,
        String sourceImageHash, Long sourceImageSizeBytes, Boolean signatureValid, Boolean anchored,
        Boolean tamperDetected, int processingTimeMs, String modelVersion, String requesterIp, String userAgent,
        JsonNode evidence, JsonNode timings) {

    static VerificationLogView of(VerificationLog log) {
        return new VerificationLogView(log.id, log.createdAt, log.organizationId, log.userId, log.apiKeyId,
                log.statusCode, log.errorType, log.verdict, log.verdictRule, log.confidence, log.verifiedAssetId,
                log.sourceImageHash, log.sourceImageSizeBytes, log.signatureValid, log.blockchainVerified,
                log.tamperDetected, log.processingTimeMs, log.modelVersion, log.requesterIp, log.userAgent,
                log.evidence, log.timings);
    }
}
