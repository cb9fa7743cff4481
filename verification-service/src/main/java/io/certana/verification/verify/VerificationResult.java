package io.certana.verification.verify;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /api/v1/verify}: the verdict, the evidence behind it, and the rule that decided.
 *
 * @param verificationId id of the verification log row
 * @param verdict authentic, forged or unknown
 * @param confidence 0..1, composed per rule as docs/verification.md describes; 0 for unknown
 * @param matchedAsset the registered asset the verdict is about; absent when nothing matched
 * @param evidence what each check found
 * @param processingTimeMs time from receiving the file to the verdict
 * @param modelVersion what the analysis ran: tracks, fingerprints, embedding models
 * @param rule the verdict rule that decided, such as {@code watermark-intact}
 * @param explanation one sentence that says why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationResult(UUID verificationId, String verdict, double confidence, MatchedAsset matchedAsset,
        Evidence evidence, long processingTimeMs, String modelVersion, String rule, String explanation) {

    /** The registered asset a verdict is about. */
    public record MatchedAsset(UUID id, String cid, UUID organizationId, String title, Instant registeredAt) {
    }
}
