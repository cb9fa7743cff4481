package io.certana.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.certana.asset.anchor.service.Batcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Several batchers running at once (as on several replicas) put every commitment into exactly one
 * batch, and every batch's stored root and audit paths match its leaves.
 */
@QuarkusTest
@TestProfile(AnchoringProfile.class)
class BatcherConcurrencyTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int BATCHERS = 4;

    @Inject
    Batcher batcher;

    @Inject
    EntityManager entityManager;

    @Test
    void concurrentBatchersNeverShareCommitments() throws Exception {
        List<SyntheticCommitments.Row> rows = SyntheticCommitments.insert(entityManager, 90);

        ExecutorService pool = Executors.newFixedThreadPool(BATCHERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < BATCHERS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                int cut = 0;
                while (batcher.cutBatch(true).isPresent()) {
                    cut++;
                }
                return cut;
            }));
        }
        start.countDown();
        int batches = 0;
        for (Future<Integer> result : results) {
            batches += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(batches >= 90 / AnchoringProfile.MAX_BATCH_SIZE, "only " + batches + " batches for 90 commitments");

        Set<UUID> batchIds = new HashSet<>();
        for (SyntheticCommitments.Row row : rows) {
            Object batchId = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "SELECT batch_id FROM commitments WHERE id = :id").setParameter("id", row.id()).getSingleResult());
            assertNotNull(batchId, "commitment " + row.id() + " is in no batch");
            batchIds.add((UUID) batchId);
        }
        for (UUID batchId : batchIds) {
            checkBatch(batchId);
        }
    }

    /** Recomputes a batch's root from its leaves in leaf order and checks every stored audit path. */
    @SuppressWarnings("unchecked")
    private void checkBatch(UUID batchId) {
        Object[] batch = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT root, tree_size FROM anchor_batches WHERE id = :id").setParameter("id", batchId).getSingleResult());
        List<Object[]> leaves = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT leaf_index, commitment_hash, audit_path FROM commitments
                WHERE batch_id = :id ORDER BY leaf_index""").setParameter("id", batchId).getResultList());
        int treeSize = ((Number) batch[1]).intValue();
        assertTrue(treeSize <= AnchoringProfile.MAX_BATCH_SIZE, "batch " + batchId + " has " + treeSize + " leaves");
        // Every leaf the batch was built with still points at it: no later batch took one over.
        assertEquals(treeSize, leaves.size(), "commitments pointing at batch " + batchId);

        byte[] root = HEX.parseHex((String) batch[0]);
        List<byte[]> leafHashes = new ArrayList<>();
        Map<Integer, byte[]> paths = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            Object[] leaf = leaves.get(i);
            assertEquals(i, ((Number) leaf[0]).intValue(), "leaf indexes of batch " + batchId);
            leafHashes.add(Rfc6962.leafHash(HEX.parseHex((String) leaf[1])));
            paths.put(i, (byte[]) leaf[2]);
        }
        assertArrayEquals(root, Rfc6962.rootOf(leafHashes), "root of batch " + batchId);
        for (int i = 0; i < leafHashes.size(); i++) {
            byte[] packed = paths.get(i);
            List<byte[]> path = new ArrayList<>();
            for (int offset = 0; offset < packed.length; offset += 32) {
                path.add(java.util.Arrays.copyOfRange(packed, offset, offset + 32));
            }
            assertTrue(Rfc6962.inclusionHolds(leafHashes.get(i), i, treeSize, path, root),
                    "stored path of leaf " + i + " in batch " + batchId);
        }
    }
}
