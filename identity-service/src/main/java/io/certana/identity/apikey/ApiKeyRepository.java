package io.certana.identity.apikey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    /** Finds a key by its HMAC, through the unique index on key_hash. */
    public Optional<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResultOptional();
    }

    public Optional<ApiKey> findInOrganization(UUID organizationId, UUID keyId) {
        return find("id = ?1 and organizationId = ?2", keyId, organizationId).firstResultOptional();
    }

    public List<ApiKey> listByOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by createdAt desc, id", organizationId);
    }

    public List<ApiKey> listActiveByName(UUID organizationId, String name) {
        return list("organizationId = ?1 and name = ?2 and active = true order by createdAt, id", organizationId, name);
    }
}
