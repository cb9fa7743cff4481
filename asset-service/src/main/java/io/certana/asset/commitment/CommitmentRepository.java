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
}
