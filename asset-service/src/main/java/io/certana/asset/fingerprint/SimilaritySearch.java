package io.certana.asset.fingerprint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.certana.asset.config.AssetConfig;
import io.certana.imaging.pdq.Hash256;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds stored fingerprints near a probe, with the thresholds of {@code certana.asset.matching}:
 * PDQ within a Hamming distance, embeddings above a cosine similarity. Each search reads the
 * nearest neighbours through HNSW and then applies the threshold, so at most
 * {@code matching.neighbours} assets come back per probe. Call it inside a transaction: it raises
 * {@code hnsw.ef_search} for that transaction.
 */
@ApplicationScoped
public class SimilaritySearch {

    /**
     * PDQ hashes below this quality are unreliable (flat or tiny images all hash alike), so they
     * neither probe nor match, as in Meta's PDQ matchers.
     */
    public static final int MIN_PDQ_QUALITY = 50;

    /**
     * The best PDQ hit of one stored asset.
     *
     * @param fingerprintId the stored fingerprint
     * @param distance smallest Hamming distance between any probe hash and the stored hash, in bits
     */
    public record PdqHit(UUID fingerprintId, int distance) {
    }

    /**
     * The embedding hit of one stored asset.
     *
     * @param fingerprintId the stored fingerprint
     * @param similarity cosine similarity, −1..1
     */
    public record EmbeddingHit(UUID fingerprintId, double similarity) {
    }

    private final FingerprintRepository fingerprints;
    private final AssetConfig.Matching config;

    public SimilaritySearch(FingerprintRepository fingerprints, AssetConfig config) {
        this.fingerprints = fingerprints;
        this.config = config.matching();
    }

    public AssetConfig.Matching settings() {
        return config;
    }

    /** Raises {@code hnsw.ef_search} to the configured value for the current transaction. */
    public void prepare() {
        fingerprints.raiseSearchEffort(config.efSearch());
    }

    /**
     * Returns, per stored asset, the best hit among the probes (the rotated and mirrored variants of
     * one image) within {@code matching.pdq-max-distance}.
     */
    public Map<UUID, PdqHit> pdq(List<Hash256> probes) {
        Map<UUID, PdqHit> best = new LinkedHashMap<>();
        for (Hash256 probe : probes) {
            for (FingerprintRepository.Neighbour neighbour : fingerprints.nearestPdq(probe, config.neighbours())) {
                int distance = (int) Math.round(neighbour.distance());
                if (distance > config.pdqMaxDistance() || neighbour.pdqQuality() < MIN_PDQ_QUALITY) {
                    continue;
                }
                PdqHit current = best.get(neighbour.assetId());
                if (current == null || distance < current.distance()) {
                    best.put(neighbour.assetId(), new PdqHit(neighbour.fingerprintId(), distance));
                }
            }
        }
        return best;
    }

    /** Returns, per stored asset, the CLIP similarity when it reaches {@code matching.clip-min-similarity}. */
    public Map<UUID, EmbeddingHit> clip(float[] probe) {
        return probe == null ? Map.of()
                : embeddingHits(fingerprints.nearestClip(probe, config.neighbours()), config.clipMinSimilarity());
    }

    /** Returns, per stored asset, the DINO similarity when it reaches {@code matching.dino-min-similarity}. */
    public Map<UUID, EmbeddingHit> dino(float[] probe) {
        return probe == null ? Map.of()
                : embeddingHits(fingerprints.nearestDino(probe, config.neighbours()), config.dinoMinSimilarity());
    }

    private static Map<UUID, EmbeddingHit> embeddingHits(List<FingerprintRepository.Neighbour> neighbours,
            double minSimilarity) {
        Map<UUID, EmbeddingHit> hits = new LinkedHashMap<>();
        for (FingerprintRepository.Neighbour neighbour : neighbours) {
            // pgvector's <=> is the cosine distance, 1 − cosine similarity.
            double similarity = 1 - neighbour.distance();
            if (similarity >= minSimilarity) {
                hits.putIfAbsent(neighbour.assetId(), new EmbeddingHit(neighbour.fingerprintId(), similarity));
            }
        }
        return hits;
    }
}
