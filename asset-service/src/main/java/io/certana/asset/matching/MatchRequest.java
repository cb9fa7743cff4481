package io.certana.asset.matching;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /internal/v1/matches}: what verification-service extracted from a suspect
 * image. Every field is optional, but at least one probe must be present.
 *
 * @param contentHash SHA-256 of the suspect file, 64 hex digits: matches an original or a watermarked output
 * @param watermarkPayloads 64-bit payloads decoded from Tracks A or B, 16 hex digits each
 * @param trackCPayloads values decoded from Track C: hex strings, or non-negative integers for 32-bit models
 * @param pdqHashes PDQ hashes of the suspect image, 64 hex digits each (up to 8: its dihedral variants)
 * @param clipEmbedding CLIP embedding, 768 values
 * @param dinoEmbedding DINO embedding, 1024 values
 * @param limit most candidates to return, 1..50 (default 10)
 */
public record MatchRequest(String contentHash, List<String> watermarkPayloads, List<JsonNode> trackCPayloads,
        List<String> pdqHashes, float[] clipEmbedding, float[] dinoEmbedding, Integer limit) {
}
