package io.certana.asset.commitment;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, UUID> {

    public Optional<SigningKey> findByRef(String keyRef) {
        return find("keyRef", keyRef).firstResultOptional();
    }

    /**
     * Inserts a key unless one with the same reference exists. The unique index on key_ref decides
     * concurrent first uses; the caller re-reads the winner.
     */
    public void insertIfAbsent(SigningKey key) {
        getEntityManager().createNativeQuery("""
                INSERT INTO signing_keys (id, organization_id, key_ref, algorithm, public_key, wrapped_private_key,
                                          master_key_id, created_at)
                VALUES (:id, :organizationId, :keyRef, :algorithm, :publicKey, :wrapped, :masterKeyId, :createdAt)
                ON CONFLICT (key_ref) DO NOTHING""")
                .setParameter("id", key.id)
                .setParameter("organizationId", key.organizationId)
                .setParameter("keyRef", key.keyRef)
                .setParameter("algorithm", key.algorithm)
                .setParameter("publicKey", key.publicKey)
                .setParameter("wrapped", key.wrappedPrivateKey)
                .setParameter("masterKeyId", key.masterKeyId)
                .setParameter("createdAt", key.createdAt)
                .executeUpdate();
    }
}
