package io.certana.asset.fingerprint;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FingerprintMatchRepository implements PanacheRepositoryBase<FingerprintMatch, UUID> {

    /**
     * Records one direction of a pair, or refreshes its scores when it exists (a retried job, or
     * two assets registered at the same time that each found the other).
     */
    public void upsert(FingerprintMatch match) {
        getEntityManager().createNativeQuery("""
                INSERT INTO fingerprint_matches (id, source_fingerprint_id, target_fingerprint_id, source_asset_id,
                        target_asset_id, pdq_distance, pdq_similarity, clip_similarity, dino_similarity,
                        average_similarity, is_match, matched_by, created_at)
                VALUES (:id, :sourceFingerprint, :targetFingerprint, :sourceAsset, :targetAsset, :pdqDistance,
                        :pdqSimilarity, :clip, :dino, :average, :isMatch, CAST(:matchedBy AS text[]), now())
                ON CONFLICT (source_fingerprint_id, target_fingerprint_id) DO UPDATE SET
                        pdq_distance = EXCLUDED.pdq_distance, pdq_similarity = EXCLUDED.pdq_similarity,
                        clip_similarity = EXCLUDED.clip_similarity, dino_similarity = EXCLUDED.dino_similarity,
                        average_similarity = EXCLUDED.average_similarity, is_match = EXCLUDED.is_match,
                        matched_by = EXCLUDED.matched_by""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("sourceFingerprint", match.sourceFingerprintId)
                .setParameter("targetFingerprint", match.targetFingerprintId)
                .setParameter("sourceAsset", match.sourceAssetId)
                .setParameter("targetAsset", match.targetAssetId)
                .setParameter("pdqDistance", match.pdqDistance)
                .setParameter("pdqSimilarity", match.pdqSimilarity)
                .setParameter("clip", match.clipSimilarity)
                .setParameter("dino", match.dinoSimilarity)
                .setParameter("average", match.averageSimilarity)
                .setParameter("isMatch", match.match)
                .setParameter("matchedBy", "{" + String.join(",", match.matchedBy) + "}")
                .executeUpdate();
    }

    /** Lists the matches recorded from an asset's point of view. */
    public List<FingerprintMatch> listBySourceAsset(UUID assetId) {
        return list("sourceAssetId = ?1 order by averageSimilarity desc", assetId);
    }
}
