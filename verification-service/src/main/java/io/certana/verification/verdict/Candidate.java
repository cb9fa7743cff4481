package io.certana.verification.verdict;

import java.util.Set;
import java.util.UUID;

/**
 * What the verdict rules need to know about one registered asset that a probe found.
 *
 * @param assetId the asset
 * @param matchedBy the probes that found it
 * @param pdqDistance smallest Hamming distance between the suspect's dihedral PDQ hashes and the asset's, or null
 * @param clipSimilarity cosine similarity of the CLIP embeddings, or null
 * @param dinoSimilarity cosine similarity of the DINO embeddings, or null
 * @param commitment the outcome of checking the asset's signed commitment
 */
public record Candidate(UUID assetId, Set<Probe> matchedBy, Integer pdqDistance, Double clipSimilarity,
        Double dinoSimilarity, CommitmentStatus commitment) {

    /** The probes of the match API, strongest evidence first. */
    public enum Probe {
        CONTENT_HASH, WATERMARK, TRACK_C, PDQ, CLIP, DINO
    }

    /** The outcome of checking a candidate's commitment. */
    public enum CommitmentStatus {
        /** Hash, fields and Ed25519 signature check out. */
        VALID,
        /** The hash, a field or the signature does not match. */
        INVALID,
        /** No commitment yet: the registration has not completed. */
        MISSING
    }

    public Candidate {
        matchedBy = Set.copyOf(matchedBy);
    }

    public boolean matchedBy(Probe probe) {
        return matchedBy.contains(probe);
    }
}
