package io.certana.asset.commitment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    public Optional<Commitment> findByAsset(UUID assetId) {
        return find("assetId", assetId).firstResultOptional();
    }

    public List<Commitment> listByAssets(Collection<UUID> assetIds) {
        return assetIds.isEmpty() ? List.of() : list("assetId in ?1", assetIds);
    }

    /**
     * Lets go of the commitment of an asset that is being deleted, in the deletion's transaction. A
     * commitment in a batch becomes a tombstone: its hash, batch, leaf index and audit path stay,
     * because the proofs of the batch's other leaves need its hash, while the asset reference,
     * payload and signature are cleared. A commitment not yet batched is deleted.
     *
     * <p>The row lock taken first waits for a batcher that holds the commitment, so the choice between
     * the two sees its final batch.
     */
    public void releaseForDeletedAsset(UUID assetId) {
        getEntityManager().createNativeQuery("SELECT id FROM commitments WHERE asset_id = :asset FOR UPDATE")
                .setParameter("asset", assetId)
                .getResultList();
        getEntityManager().createNativeQuery("""
                UPDATE commitments SET asset_id = NULL, commitment_payload = NULL, signature = NULL,
                       asset_deleted_at = now()
                WHERE asset_id = :asset AND batch_id IS NOT NULL""")
                .setParameter("asset", assetId)
                .executeUpdate();
        delete("assetId = ?1 and batchId is null", assetId);
    }
}
