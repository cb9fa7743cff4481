package io.certana.asset.fingerprint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.certana.imaging.pdq.Hash256;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records, when an asset is registered, which existing assets of any organization its output is a
 * near-duplicate of: a PDQ distance within the threshold for any rotated or mirrored variant, or
 * an embedding similarity above its threshold. Each pair is stored both ways, with every score
 * that both fingerprints allow, so either asset's history shows the other.
 */
@ApplicationScoped
public class RegistrationMatcher {

    private final SimilaritySearch search;
    private final FingerprintRepository fingerprints;
    private final FingerprintMatchRepository matches;

    public RegistrationMatcher(SimilaritySearch search, FingerprintRepository fingerprints,
            FingerprintMatchRepository matches) {
        this.search = search;
        this.fingerprints = fingerprints;
        this.matches = matches;
    }

    /**
     * Finds and records the matches of a new fingerprint. Runs inside the caller's transaction.
     *
     * @return the number of other assets matched
     */
    public int recordMatches(UUID assetId, UUID fingerprintId, FingerprintValues values) {
        search.prepare();
        boolean reliablePdq = values.pdqQuality() >= SimilaritySearch.MIN_PDQ_QUALITY;
        Map<UUID, SimilaritySearch.PdqHit> pdqHits = reliablePdq ? search.pdq(values.pdqVariants()) : Map.of();
        Map<UUID, SimilaritySearch.EmbeddingHit> clipHits = search.clip(values.clip());
        Map<UUID, SimilaritySearch.EmbeddingHit> dinoHits = search.dino(values.dino());

        Set<UUID> targets = new LinkedHashSet<>();
        targets.addAll(pdqHits.keySet());
        targets.addAll(clipHits.keySet());
        targets.addAll(dinoHits.keySet());
        targets.remove(assetId);

        for (UUID targetAsset : targets) {
            UUID targetFingerprint = targetFingerprint(targetAsset, pdqHits, clipHits, dinoHits);
            FingerprintMatch forward = new FingerprintMatch();
            forward.sourceFingerprintId = fingerprintId;
            forward.targetFingerprintId = targetFingerprint;
            forward.sourceAssetId = assetId;
            forward.targetAssetId = targetAsset;
            forward.pdqDistance = pdqHits.containsKey(targetAsset) ? pdqHits.get(targetAsset).distance()
                    : pdqDistance(values.pdqVariants(), targetFingerprint);
            forward.pdqSimilarity = 1 - forward.pdqDistance / (double) Hash256.BITS;
            // The casts keep the conditional a Double: with a primitive branch, Java would unbox the null.
            forward.clipSimilarity = clipHits.containsKey(targetAsset) ? (Double) clipHits.get(targetAsset).similarity()
                    : values.clip() == null ? null
                    : fingerprints.cosineSimilarity("clip_embedding", fingerprintId, targetFingerprint);
            forward.dinoSimilarity = dinoHits.containsKey(targetAsset) ? (Double) dinoHits.get(targetAsset).similarity()
                    : values.dino() == null ? null
                    : fingerprints.cosineSimilarity("dino_embedding", fingerprintId, targetFingerprint);
            forward.averageSimilarity = average(forward.pdqSimilarity, forward.clipSimilarity, forward.dinoSimilarity);
            forward.matchedBy = matchedBy(targetAsset, pdqHits, clipHits, dinoHits);
            forward.match = forward.matchedBy.length > 0;
            forward.createdAt = Instant.now();
            matches.upsert(forward);
            matches.upsert(reversed(forward));
        }
        fingerprints.findById(fingerprintId).matchedAt = Instant.now();
        return targets.size();
    }

    private static UUID targetFingerprint(UUID asset, Map<UUID, SimilaritySearch.PdqHit> pdq,
            Map<UUID, SimilaritySearch.EmbeddingHit> clip, Map<UUID, SimilaritySearch.EmbeddingHit> dino) {
        if (pdq.containsKey(asset)) {
            return pdq.get(asset).fingerprintId();
        }
        return clip.containsKey(asset) ? clip.get(asset).fingerprintId() : dino.get(asset).fingerprintId();
    }

    /** Smallest Hamming distance between any of the probe's variants and the stored hash. */
    private int pdqDistance(List<Hash256> variants, UUID targetFingerprint) {
        Hash256 stored = Hash256.fromHex(fingerprints.findById(targetFingerprint).pdqHash);
        int best = Hash256.BITS;
        for (Hash256 variant : variants) {
            best = Math.min(best, variant.hammingDistance(stored));
        }
        return best;
    }

    private static String[] matchedBy(UUID asset, Map<UUID, ?> pdq, Map<UUID, ?> clip, Map<UUID, ?> dino) {
        List<String> names = new ArrayList<>(3);
        if (pdq.containsKey(asset)) {
            names.add("pdq");
        }
        if (clip.containsKey(asset)) {
            names.add("clip");
        }
        if (dino.containsKey(asset)) {
            names.add("dino");
        }
        return names.toArray(String[]::new);
    }

    private static Double average(Double... values) {
        double sum = 0;
        int count = 0;
        for (Double value : values) {
            if (value != null) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    private static FingerprintMatch reversed(FingerprintMatch forward) {
        FingerprintMatch backward = new FingerprintMatch();
        backward.sourceFingerprintId = forward.targetFingerprintId;
        backward.targetFingerprintId = forward.sourceFingerprintId;
        backward.sourceAssetId = forward.targetAssetId;
        backward.targetAssetId = forward.sourceAssetId;
        backward.pdqDistance = forward.pdqDistance;
        backward.pdqSimilarity = forward.pdqSimilarity;
        backward.clipSimilarity = forward.clipSimilarity;
        backward.dinoSimilarity = forward.dinoSimilarity;
        backward.averageSimilarity = forward.averageSimilarity;
        backward.matchedBy = forward.matchedBy;
        backward.match = forward.match;
        backward.createdAt = forward.createdAt;
        return backward;
    }
}
