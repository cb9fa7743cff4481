package io.certana.verification.matching;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of asset-service's {@code POST /internal/v1/matches}: the probes extracted from the suspect
 * image. Fields without a value are left out.
 *
 * @param contentHash SHA-256 of the submitted file, 64 hex digits
 * @param watermarkPayloads 64-bit payloads from Tracks B and A, 16 hex digits each
 * @param trackCPayloads the value Track C read, hex
 * @param pdqHashes the eight dihedral PDQ hashes of the suspect image
 * @param clipEmbedding CLIP embedding, 768 values
 * @param dinoEmbedding DINO embedding, 1024 values
 * @param limit most candidates to return
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MatchRequest(String contentHash, List<String> watermarkPayloads, List<String> trackCPayloads,
        List<String> pdqHashes, float[] clipEmbedding, float[] dinoEmbedding, Integer limit) {
}
