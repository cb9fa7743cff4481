package io.certana.asset.fingerprint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.certana.imaging.pdq.DihedralHashes;
import io.certana.imaging.pdq.Hash256;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

/**
 * Fingerprints and the nearest-neighbour queries over them. PDQ hashes are searched by Hamming
 * distance on {@code bit(256)}, embeddings by cosine distance on {@code vector}, both through
 * pgvector's HNSW indexes; the queries order by the distance operator so the planner can use them.
 */
@ApplicationScoped
public class FingerprintRepository implements PanacheRepositoryBase<Fingerprint, UUID> {

    /**
     * A fingerprint near a probe.
     *
     * @param fingerprintId the stored fingerprint
     * @param assetId its asset
     * @param distance Hamming distance in bits for PDQ, cosine distance (1 − similarity) for embeddings
     * @param pdqQuality the stored PDQ quality, 0..100
     */
    public record Neighbour(UUID fingerprintId, UUID assetId, double distance, int pdqQuality) {
    }

    public Optional<Fingerprint> findByAsset(UUID assetId) {
        return find("assetId", assetId).firstResultOptional();
    }

    public List<Fingerprint> listByAssets(Collection<UUID> assetIds) {
        return assetIds.isEmpty() ? List.of() : list("assetId in ?1", assetIds);
    }

    /** Inserts the asset's fingerprints unless it has some already; returns the row's id either way. */
    public UUID insert(UUID assetId, FingerprintValues values, double similarityThreshold) {
        List<Hash256> variants = values.pdqVariants();
        String[] dihedral = variants.stream().map(Hash256::toHex).toArray(String[]::new);
        getEntityManager().createNativeQuery("""
                INSERT INTO fingerprints (id, asset_id, pdq_hash, pdq_bits, pdq_quality, pdq_dihedral,
                                          clip_embedding, dino_embedding, embedding_model, similarity_threshold,
                                          created_at)
                VALUES (:id, :assetId, :pdqHash, CAST(:pdqBits AS bit(256)), :quality, CAST(:dihedral AS char(64)[]),
                        CAST(:clip AS vector), CAST(:dino AS vector), :model, :threshold, now())
                ON CONFLICT (asset_id) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("assetId", assetId)
                .setParameter("pdqHash", values.pdq().toHex())
                .setParameter("pdqBits", values.pdq().toBitString())
                .setParameter("quality", values.pdqQuality())
                .setParameter("dihedral", "{" + String.join(",", dihedral) + "}")
                .setParameter("clip", vectorLiteral(values.clip()))
                .setParameter("dino", vectorLiteral(values.dino()))
                .setParameter("model", values.embeddingModel())
                .setParameter("threshold", similarityThreshold)
                .executeUpdate();
        return findByAsset(assetId).orElseThrow().id;
    }

    /** Reads a stored fingerprint's hashes and embeddings back, for a job that resumes at a later step. */
    public FingerprintValues loadValues(UUID fingerprintId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT CAST(pdq_dihedral AS text[]), pdq_quality, CAST(clip_embedding AS text), CAST(dino_embedding AS text),
                       embedding_model
                FROM fingerprints WHERE id = :id""")
                .setParameter("id", fingerprintId)
                .getSingleResult();
        Object[] dihedral = (Object[]) row[0];
        int quality = ((Number) row[1]).intValue();
        Hash256[] hashes = new Hash256[dihedral.length];
        for (int i = 0; i < dihedral.length; i++) {
            hashes[i] = Hash256.fromHex(dihedral[i].toString().trim());
        }
        DihedralHashes variants = new DihedralHashes(hashes[0], hashes[1], hashes[2], hashes[3], hashes[4], hashes[5],
                hashes[6], hashes[7], quality);
        return new FingerprintValues(variants, parseVector((String) row[2]), parseVector((String) row[3]),
                (String) row[4]);
    }

    /**
     * Raises {@code hnsw.ef_search} for the rest of the current transaction: HNSW then keeps more
     * candidates while it walks the graph, which raises recall at some cost in time.
     */
    public void raiseSearchEffort(int efSearch) {
        getEntityManager().createNativeQuery("SELECT set_config('hnsw.ef_search', :value, true)")
                .setParameter("value", Integer.toString(efSearch))
                .getSingleResult();
    }

    /** Returns the {@code limit} fingerprints whose PDQ hash is nearest to {@code probe}, nearest first. */
    public List<Neighbour> nearestPdq(Hash256 probe, int limit) {
        Query query = getEntityManager().createNativeQuery("""
                SELECT id, asset_id, pdq_bits <~> CAST(:probe AS bit(256)) AS distance, pdq_quality
                FROM fingerprints
                ORDER BY pdq_bits <~> CAST(:probe AS bit(256))
                LIMIT :limit""")
                .setParameter("probe", probe.toBitString())
                .setParameter("limit", limit);
        return neighbours(query);
    }

    /** Returns the {@code limit} fingerprints whose CLIP embedding is nearest by cosine distance. */
    public List<Neighbour> nearestClip(float[] probe, int limit) {
        return nearestEmbedding("clip_embedding", probe, limit);
    }

    /** Returns the {@code limit} fingerprints whose DINO embedding is nearest by cosine distance. */
    public List<Neighbour> nearestDino(float[] probe, int limit) {
        return nearestEmbedding("dino_embedding", probe, limit);
    }

    /** Returns the cosine similarity of two stored assets' embeddings in a column, or null when either lacks it. */
    public Double cosineSimilarity(String column, UUID fingerprintA, UUID fingerprintB) {
        checkEmbeddingColumn(column);
        Object result = getEntityManager().createNativeQuery(
                "SELECT 1 - (a." + column + " <=> b." + column + ") FROM fingerprints a, fingerprints b "
                        + "WHERE a.id = :a AND b.id = :b")
                .setParameter("a", fingerprintA)
                .setParameter("b", fingerprintB)
                .getSingleResult();
        return result == null ? null : ((Number) result).doubleValue();
    }

    /**
     * Returns the cosine similarity between a probe and the stored embedding in {@code column} of
     * each given asset that has one.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, Double> similarities(String column, float[] probe, Collection<UUID> assetIds) {
        checkEmbeddingColumn(column);
        if (probe == null || assetIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT asset_id, 1 - (" + column + " <=> CAST(:probe AS vector)) FROM fingerprints "
                        + "WHERE asset_id IN (:assets) AND " + column + " IS NOT NULL")
                .setParameter("probe", vectorLiteral(probe))
                .setParameter("assets", assetIds)
                .getResultList();
        Map<UUID, Double> result = new HashMap<>();
        for (Object[] row : rows) {
            result.put((UUID) row[0], ((Number) row[1]).doubleValue());
        }
        return result;
    }

    private List<Neighbour> nearestEmbedding(String column, float[] probe, int limit) {
        checkEmbeddingColumn(column);
        // Rows without this embedding have a NULL distance; HNSW does not index them, so they never appear.
        Query query = getEntityManager().createNativeQuery(
                "SELECT id, asset_id, " + column + " <=> CAST(:probe AS vector) AS distance, pdq_quality FROM fingerprints "
                        + "WHERE " + column + " IS NOT NULL "
                        + "ORDER BY " + column + " <=> CAST(:probe AS vector) LIMIT :limit")
                .setParameter("probe", vectorLiteral(probe))
                .setParameter("limit", limit);
        return neighbours(query);
    }

    private static void checkEmbeddingColumn(String column) {
        if (!column.equals("clip_embedding") && !column.equals("dino_embedding")) {
            throw new IllegalArgumentException("not an embedding column: " + column);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Neighbour> neighbours(Query query) {
        List<Object[]> rows = query.getResultList();
        List<Neighbour> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new Neighbour((UUID) row[0], (UUID) row[1], ((Number) row[2]).doubleValue(),
                    ((Number) row[3]).intValue()));
        }
        return result;
    }

    /** Parses pgvector's text form, {@code [v1,v2,…]}, or returns null. */
    static float[] parseVector(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.substring(1, text.length() - 1).split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }

    /** Writes a vector in pgvector's text form, {@code [v1,v2,…]}, or null. */
    static String vectorLiteral(float[] vector) {
        if (vector == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }
}
