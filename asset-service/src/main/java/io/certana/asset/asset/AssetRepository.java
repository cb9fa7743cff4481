package io.certana.asset.asset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class AssetRepository implements PanacheRepositoryBase<Asset, UUID> {

    /** Finds an asset of the organization; another organization's asset is absent. */
    public Optional<Asset> findInOrganization(UUID organizationId, UUID assetId) {
        return find("id = ?1 and organizationId = ?2", assetId, organizationId).firstResultOptional();
    }

    /** Finds the asset whose original has this SHA-256 (unique index) or raw CID (unique index). */
    public Optional<Asset> findByOriginal(String contentHash, String cid) {
        return find("contentHash = ?1 or cid = ?2", contentHash, cid).firstResultOptional();
    }

    /** Finds assets whose original or watermarked output has this SHA-256. */
    public List<Asset> findByContentHash(String sha256) {
        return list("contentHash = ?1 or watermarkedContentHash = ?1", sha256);
    }

    /** Locks an asset row until the transaction ends, so processing and deletion do not interleave. */
    public Optional<Asset> lock(UUID assetId) {
        return findByIdOptional(assetId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Returns whether any asset still refers to the blob, as original or as watermarked output. */
    public boolean referencesBlob(String key) {
        return count("originalStorageKey = ?1 or watermarkedStorageKey = ?1", key) > 0;
    }

    /**
     * Lists an organization's assets, newest first.
     *
     * @param status only assets with this status, or null for all
     * @param tag only assets carrying this tag, or null for all
     */
    public PanacheQuery<Asset> listInOrganization(UUID organizationId, ProcessingStatus status, String tag,
            int page, int size) {
        StringBuilder query = new StringBuilder("organizationId = :organizationId");
        Parameters parameters = Parameters.with("organizationId", organizationId);
        if (status != null) {
            query.append(" and processingStatus = :status");
            parameters.and("status", status.wireName());
        }
        if (tag != null) {
            query.append(" and array_contains(tags, :tag)");
            parameters.and("tag", tag);
        }
        query.append(" order by createdAt desc, id");
        return find(query.toString(), parameters).page(Page.of(page, size));
    }
}
