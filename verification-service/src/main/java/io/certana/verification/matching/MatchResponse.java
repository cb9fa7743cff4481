package io.certana.verification.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** Body of asset-service's match response: the candidates, best first (see docs/assets.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchResponse(List<Candidate> candidates) {

    public MatchResponse {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A registered asset that one or more probes point to; optional fields are null when absent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Candidate(UUID assetId, UUID organizationId, String cid, String watermarkedCid, String contentHash,
            String watermarkedContentHash, String title, Instant registeredAt, String processingStatus,
            List<String> matchedBy, Integer pdqDistance, String pdqHash, Integer pdqQuality, Double clipSimilarity,
            Double dinoSimilarity, String watermarkPayload, String trackCPayload, Commitment commitment) {

        public Candidate {
            matchedBy = matchedBy == null ? List.of() : List.copyOf(matchedBy);
        }
    }

    /**
     * The candidate's signed commitment. {@code proof} is the anchoring's inclusion proof, which
     * asset-service adds once commitments are anchored; it is passed on as it is.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commitment(String commitmentHash, String payload, String signature, String publicKey, String keyRef,
            String network, String txHash, String confirmationStatus, Long blockHeight, JsonNode proof) {
    }
}
