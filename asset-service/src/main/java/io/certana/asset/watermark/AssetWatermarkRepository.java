package io.certana.asset.watermark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AssetWatermarkRepository implements PanacheRepositoryBase<AssetWatermark, UUID> {

    public Optional<AssetWatermark> findByAsset(UUID assetId) {
        return find("assetId", assetId).firstResultOptional();
    }

    /**
     * Inserts a watermark row with a payload unless the asset has one or the payload is taken.
     *
     * @return true when the row was inserted, false when the unique index on asset_id or on payload
     *     rejected it. The caller then reads the asset's row, or draws another payload.
     */
    public boolean insertPayload(UUID id, UUID assetId, long payload, byte[] trackCPayload) {
        NativeQuery<?> insert = getEntityManager().createNativeQuery("""
                INSERT INTO watermarks (id, asset_id, payload, track_c_payload, created_at)
                VALUES (:id, :assetId, :payload, :trackC, now())
                ON CONFLICT DO NOTHING""").unwrap(NativeQuery.class);
        // Typed, because a null byte array gives PostgreSQL no type to infer.
        int inserted = insert.setParameter("id", id)
                .setParameter("assetId", assetId)
                .setParameter("payload", payload)
                .setParameter("trackC", trackCPayload, StandardBasicTypes.BINARY)
                .executeUpdate();
        return inserted == 1;
    }

    public List<AssetWatermark> listByAssets(Collection<UUID> assetIds) {
        return assetIds.isEmpty() ? List.of() : list("assetId in ?1", assetIds);
    }

    /** Finds the watermarks carrying one of these 64-bit payloads (unique index). */
    public List<AssetWatermark> findByPayloads(List<Long> payloads) {
        return payloads.isEmpty() ? List.of() : list("payload in ?1", payloads);
    }

    /** Finds the watermarks whose Track C carries one of these bit strings. */
    public List<AssetWatermark> findByTrackCPayloads(List<byte[]> trackCPayloads) {
        List<AssetWatermark> found = new ArrayList<>();
        for (byte[] bits : trackCPayloads) {
            found.addAll(list("trackCPayload", (Object) bits));
        }
        return found;
    }
}
