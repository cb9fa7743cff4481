package io.certana.asset.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.certana.asset.anchor.rest.ProofView;

/** Body of a {@code POST /internal/v1/matches} response: the candidates, best first. */
public record MatchResponse(List<Candidate> candidates) {

    /**
     * A registered asset that one or more probes point to.
     *
     * @param matchedBy the probes that found it: contentHash, watermark, trackC, pdq, clip, dino
     * @param pdqDistance smallest Hamming distance between a probe hash and the asset's PDQ hash, when PDQ
     *     hashes were sent (even when another probe found the asset)
     * @param pdqHash the asset's PDQ hash (of its watermarked output)
     * @param pdqQuality quality of that hash, 0..100
     * @param clipSimilarity cosine similarity of the CLIP embeddings, when both exist
     * @param dinoSimilarity cosine similarity of the DINO embeddings, when both exist
     * @param watermarkPayload the asset's 64-bit payload, 16 hex digits
     * @param trackCPayload what the asset's Track C carries, hex; absent when Track C was not embedded
     * @param commitment the signed commitment; absent until the registration completed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(UUID assetId, UUID organizationId, String cid, String watermarkedCid,
            String contentHash, String watermarkedContentHash, String title, Instant registeredAt,
            String processingStatus, List<String> matchedBy, Integer pdqDistance, String pdqHash, Integer pdqQuality,
            Double clipSimilarity, Double dinoSimilarity, String watermarkPayload, String trackCPayload,
            CommitmentBlock commitment) {
    }

    /**
     * The commitment of a candidate, with what is needed to verify its signature.
     *
     * @param payload the signed canonical JSON, byte for byte
     * @param signature Ed25519 signature, base64
     * @param publicKey the organization's public key, PEM
     * @param proof inclusion proof in the batch and the batch's anchor, as on the public commitment
     *     endpoint; null until the commitment is batched
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CommitmentBlock(String commitmentHash, String payload, String signature, String publicKey,
            String keyRef, String network, String txHash, String confirmationStatus, Long blockHeight,
            ProofView proof) {
    }
}
