package io.certana.asset;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Signed-looking commitments inserted straight into the database, each with a minimal asset row,
 * for anchoring tests that need many commitments fast. Batching reads only the hash and the order,
 * so the payload and signature are random bytes; these rows are never shown as verifiable.
 */
final class SyntheticCommitments {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SyntheticCommitments() {
    }

    /**
     * A commitment that waits for a batch.
     *
     * @param commitmentHash its hash, hex
     */
    record Row(UUID id, UUID assetId, String commitmentHash) {
    }

    /** Inserts {@code count} commitments of a new organization, oldest first, and returns them. */
    static List<Row> insert(EntityManager entityManager, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UUID organizationId = UUID.randomUUID();
            UUID keyId = UUID.randomUUID();
            entityManager.createNativeQuery("""
                    INSERT INTO signing_keys (id, organization_id, key_ref, public_key, wrapped_private_key, master_key_id)
                    VALUES (:id, :organization, :keyRef, :bytes, :bytes, 'synthetic')""")
                    .setParameter("id", keyId)
                    .setParameter("organization", organizationId)
                    .setParameter("keyRef", "org:" + organizationId + ":signing:v1")
                    .setParameter("bytes", randomBytes(32))
                    .executeUpdate();
            List<Row> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                UUID assetId = UUID.randomUUID();
                String contentHash = HexFormat.of().formatHex(randomBytes(32));
                entityManager.createNativeQuery("""
                        INSERT INTO assets (id, organization_id, created_by, cid, content_hash, ipfs_cid, mime_type,
                                            file_size_bytes, width, height, original_storage_key)
                        VALUES (:id, :organization, :organization, :cid, :hash, :cid, 'image/png', 1, 1, 1, :hash)""")
                        .setParameter("id", assetId)
                        .setParameter("organization", organizationId)
                        .setParameter("cid", "synthetic-" + contentHash)
                        .setParameter("hash", contentHash)
                        .executeUpdate();
                String commitmentHash = HexFormat.of().formatHex(randomBytes(32));
                UUID commitmentId = UUID.randomUUID();
                // Creation times one millisecond apart give the batcher a known order.
                entityManager.createNativeQuery("""
                        INSERT INTO commitments (id, asset_id, organization_id, commitment_hash, commitment_payload,
                                                 signature, signing_key_id, key_ref, created_at)
                        VALUES (:id, :asset, :organization, :hash, :payload, :signature, :key, :keyRef,
                                now() - interval '1 hour' + :offset * interval '1 millisecond')""")
                        .setParameter("id", commitmentId)
                        .setParameter("asset", assetId)
                        .setParameter("organization", organizationId)
                        .setParameter("hash", commitmentHash)
                        .setParameter("payload", randomBytes(16))
                        .setParameter("signature", randomBytes(64))
                        .setParameter("key", keyId)
                        .setParameter("keyRef", "org:" + organizationId + ":signing:v1")
                        .setParameter("offset", i)
                        .executeUpdate();
                rows.add(new Row(commitmentId, assetId, commitmentHash));
            }
            return rows;
        });
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
