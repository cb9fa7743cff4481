package io.certana.asset;

import static io.certana.asset.AnchoringApi.commitment;
import static io.certana.asset.AnchoringApi.inclusionHolds;
import static io.certana.asset.AnchoringApi.registerCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.asset.anchor.evm.ChainMismatchException;
import io.certana.asset.anchor.evm.EvmAnchorBackend;
import io.certana.asset.anchor.service.AnchorTracker;
import io.certana.asset.anchor.service.Batcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The evm backend against a real Anvil node on 127.0.0.1: an anchor walks pending, confirmed and
 * finalized as blocks are mined. A transaction lost with a stopped node, or removed from the chain
 * by a reorganisation, is detected as dropped, and the batch is anchored again. A transaction that
 * a reorganisation moves to another block stays the anchor and follows its new block. Responses of
 * a node that lags behind, injected by {@link LaggingRpcProxy}, leave the anchor as it was.
 */
@QuarkusTest
@TestProfile(EvmAnchoringTest.EvmProfile.class)
class EvmAnchoringTest {

    /** The evm backend, on the Anvil node of {@link AnvilResource}. */
    public static class EvmProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AnvilResource.class));
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    Batcher batcher;

    @Inject
    AnchorTracker tracker;

    @Inject
    EntityManager entityManager;

    private AnvilNode node;

    @BeforeEach
    void requireAnvil() throws IOException {
        Optional<AnvilNode> running = AnvilResource.node();
        assumeTrue(running.isPresent(), "Anvil is not installed (system property certana.anvil.binary or "
                + "CERTANA_ANVIL); scripts/setup.sh installs it");
        node = running.get();
        // A test that failed while the node was stopped must not fail the tests after it.
        if (!node.isRunning()) {
            node.restartFresh();
        }
        AnvilResource.proxy().orElseThrow().reset();
    }

    @Test
    void anchorWalksToFinalized() {
        Tenants.Tenant tenant = Tenants.primary();
        UUID id = AssetApi.register(tenant.writeKey(), TestPictures.png(256, 192, 801), "evm.png", "image/png");
        AssetApi.awaitCompleted(tenant.writeKey(), id);
        cutAllBatches();

        tracker.trackDue();
        JsonPath submitted = commitment(tenant, id);
        String txHash = submitted.getString("proof.anchor.txHash");
        assertTrue(txHash.matches("0x[0-9a-f]{64}"), txHash);
        assertEquals("devnet", submitted.getString("proof.anchor.network"));
        assertEquals("evm", submitted.getString("proof.anchor.backend"));
        assertEquals("pending", submitted.getString("confirmationStatus"));
        assertNull(submitted.get("blockHeight"), "not mined yet");
        checkTransaction(txHash, submitted.getString("proof.root"));

        // One block includes it: one confirmation of the three required.
        node.mine(1);
        JsonPath included = track(tenant, id);
        assertEquals("pending", included.getString("confirmationStatus"));
        long block = included.getLong("blockHeight");
        assertEquals(node.blockNumber(), block);
        assertNotNull(included.getString("proof.anchor.blockHash"));

        node.mine(2);
        JsonPath confirmed = track(tenant, id);
        assertEquals("confirmed", confirmed.getString("confirmationStatus"));
        assertEquals("confirmed", confirmed.getString("proof.anchor.confirmationStatus"));
        assertEquals(block, confirmed.getLong("blockHeight"));

        node.mine(AnvilNode.FINALITY_DEPTH);
        JsonPath finalized = track(tenant, id);
        assertEquals("finalized", finalized.getString("confirmationStatus"));
        assertEquals(txHash, finalized.getString("txHash"));
        assertEquals(block, finalized.getLong("proof.anchor.blockHeight"));
    }

    @Test
    void lostTransactionIsAnchoredAgain() throws Exception {
        List<SyntheticCommitments.Row> rows = SyntheticCommitments.insert(entityManager, 3);
        cutAllBatches();
        UUID batchId = batchOf(rows.get(0).id());
        tracker.trackDue();
        List<Object[]> first = attempts(batchId);
        assertEquals(1, first.size());
        String lostTx = (String) first.get(0)[0];
        assertNotNull(node.transaction(lostTx), "the node does not know the submitted transaction");

        // The node stops before it mines the transaction: checks fail, and the anchor waits. The
        // service reaches the node through the proxy, which returns HTTP 502 like a provider's gateway.
        node.stop();
        makeDue();
        tracker.trackDue();
        Object[] waiting = attempts(batchId).get(0);
        assertEquals("pending", waiting[1]);
        assertNotNull(waiting[2], "the failed check was not recorded");
        assertTrue(((String) waiting[2]).contains("502"), "the gateway's status is not in the error: " + waiting[2]);

        // A fresh node comes back without the transaction. Once the drop timeout (1 s) has passed,
        // the anchor is dropped and the batch is submitted to the new node.
        node.restartFresh();
        assertTrue(node.transaction(lostTx).isNull(), "the restarted node still knows the old transaction");
        AssetApi.sleep(Duration.ofMillis(1200).toMillis());
        makeDue();
        tracker.trackDue();
        List<Object[]> second = attempts(batchId);
        assertEquals(2, second.size(), "a dropped anchor needs one new attempt");
        assertEquals("dropped", second.get(0)[1]);
        assertEquals(lostTx, second.get(0)[0]);
        // The fresh chain gives the same nonce and fees, so the new attempt may be the identical
        // transaction with the same hash: what matters is that the new node now has it.
        String newTx = (String) second.get(1)[0];
        assertNotNull(newTx, "the new attempt was not submitted");
        assertEquals("pending", second.get(1)[1]);
        assertTrue(node.transaction(newTx).isObject(), "the new node does not know the resubmitted transaction");

        node.mine(1 + AnvilNode.FINALITY_DEPTH);
        makeDue();
        tracker.trackDue();
        List<Object[]> done = attempts(batchId);
        assertEquals("finalized", done.get(1)[1]);
        checkTransaction(newTx, batchRoot(batchId));
        for (SyntheticCommitments.Row row : rows) {
            Object[] state = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "SELECT tx_hash, confirmation_status FROM commitments WHERE id = :id")
                    .setParameter("id", row.id()).getSingleResult());
            assertEquals(newTx, state[0], "commitment " + row.id() + " follows the current anchor");
            assertEquals("finalized", state[1]);
        }
    }

    @Test
    void reorganisedAnchorIsAnchoredAgain() {
        Tenants.Tenant tenant = Tenants.primary();
        List<UUID> ids = registerCompleted(tenant, 3, 821);
        cutAllBatches();
        UUID batchId = UUID.fromString(commitment(tenant, ids.get(0)).getString("proof.batchId"));
        for (UUID id : ids) {
            assertEquals(batchId.toString(), commitment(tenant, id).getString("proof.batchId"),
                    "asset " + id + " is not in the batch under test");
        }

        // Submit, then mine three blocks: the first includes the anchor, the third confirms it.
        tracker.trackDue();
        String removedTx = (String) attempts(batchId).get(0)[0];
        node.mine(3);
        JsonPath confirmed = track(tenant, ids.get(0));
        assertEquals("confirmed", confirmed.getString("confirmationStatus"));
        long removedBlock = confirmed.getLong("blockHeight");
        String removedBlockHash = confirmed.getString("proof.anchor.blockHash");
        assertEquals(node.blockHash(removedBlock), removedBlockHash);

        // Replace the including block and the two above it with empty blocks.
        node.reorg(3);
        assertTrue(node.transaction(removedTx).isNull(), "the reorganisation left the anchor transaction on the node");
        assertNotEquals(removedBlockHash, node.blockHash(removedBlock), "block " + removedBlock + " was not replaced");

        makeDue();
        tracker.trackDue();
        List<Object[]> afterReorg = attempts(batchId);
        assertEquals(2, afterReorg.size(), "a reorganised anchor needs one new attempt");
        assertEquals(removedTx, afterReorg.get(0)[0]);
        assertEquals("dropped", afterReorg.get(0)[1]);
        String reason = (String) afterReorg.get(0)[2];
        assertTrue(reason.contains(String.valueOf(removedBlock)), "the drop reason names the removed block: " + reason);
        // The new attempt may be the byte-identical transaction when the nonce and the fees read from
        // the node come out the same. It is a new anchor either way, and it must reach the chain.
        String newTx = (String) afterReorg.get(1)[0];
        assertNotNull(newTx, "the new attempt was not submitted");
        assertEquals("pending", afterReorg.get(1)[1]);
        assertTrue(node.transaction(newTx).isObject(), "the node does not know the new anchor transaction");
        JsonPath requeued = commitment(tenant, ids.get(0));
        assertEquals("pending", requeued.getString("confirmationStatus"));
        assertEquals(newTx, requeued.getString("proof.anchor.txHash"));
        assertNull(requeued.get("proof.anchor.blockHeight"), "the new transaction is not mined yet");

        node.mine(1);
        JsonPath included = track(tenant, ids.get(0));
        long newBlock = included.getLong("blockHeight");
        assertEquals(node.blockNumber(), newBlock);
        assertEquals(node.blockHash(newBlock), included.getString("proof.anchor.blockHash"),
                "the new anchor's block is not the canonical block at its height");

        mineAndTrack(AnvilNode.FINALITY_DEPTH);
        String root = batchRoot(batchId);
        checkTransaction(newTx, root);
        assertEquals(node.blockHash(newBlock), node.call("eth_getTransactionReceipt", List.of(newTx))
                .get("blockHash").asText().toLowerCase(), "the receipt's block is not canonical");
        for (UUID id : ids) {
            JsonPath finalized = commitment(tenant, id);
            assertEquals("finalized", finalized.getString("confirmationStatus"), "asset " + id);
            assertEquals(newTx, finalized.getString("txHash"), "asset " + id);
            assertEquals(newTx, finalized.getString("proof.anchor.txHash"), "asset " + id);
            assertEquals("finalized", finalized.getString("proof.anchor.confirmationStatus"), "asset " + id);
            assertEquals(newBlock, finalized.getLong("proof.anchor.blockHeight"), "asset " + id);
            assertEquals(root, finalized.getString("proof.root"), "asset " + id);
            assertTrue(inclusionHolds(finalized),
                    "the inclusion proof of asset " + id + " does not lead to the anchored root");
        }
        assertBatchFollows(batchId, newTx, "finalized");
    }

    @Test
    void reorganisationMovingAnchorIsFollowed() {
        UUID batchId = confirmedSyntheticBatch();
        Object[] confirmed = attempts(batchId).get(0);
        String txHash = (String) confirmed[0];
        long oldBlock = (Long) confirmed[3];
        String oldBlockHash = (String) confirmed[4];
        String signed = node.rawTransaction(txHash);

        // The replacement chain carries the same transaction one block higher, so it has two
        // confirmations of the three required.
        node.reorg(3, signed, 1);
        makeDue();
        tracker.trackDue();
        List<Object[]> moved = attempts(batchId);
        assertEquals(1, moved.size(), "an anchor still on the chain must not be sent again");
        assertEquals(txHash, moved.get(0)[0]);
        assertEquals("pending", moved.get(0)[1]);
        assertEquals(oldBlock + 1, moved.get(0)[3]);
        assertEquals(node.blockHash(oldBlock + 1), moved.get(0)[4]);
        assertNotEquals(oldBlockHash, moved.get(0)[4]);
        assertBatchFollows(batchId, txHash, "pending");

        mineAndTrack(1);
        assertEquals("confirmed", attempts(batchId).get(0)[1]);
        assertBatchFollows(batchId, txHash, "confirmed");

        mineAndTrack(AnvilNode.FINALITY_DEPTH);
        assertEquals("finalized", attempts(batchId).get(0)[1]);
        assertBatchFollows(batchId, txHash, "finalized");
    }

    @Test
    void laggingNodeResponsesKeepAnchor() {
        LaggingRpcProxy proxy = AnvilResource.proxy().orElseThrow();
        UUID batchId = confirmedSyntheticBatch();
        Object[] confirmed = attempts(batchId).get(0);
        String txHash = (String) confirmed[0];
        long block = (Long) confirmed[3];
        // Submitted long before the drop timeout (1 s here), so a "not included" status would drop it.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE anchors SET submitted_at = now() - interval '1 hour' WHERE batch_id = :batch")
                .setParameter("batch", batchId).executeUpdate());

        Map<String, Runnable> laggingViews = new LinkedHashMap<>();
        laggingViews.put("receipt withheld, block still canonical", proxy::hideReceipts);
        laggingViews.put("block and receipt not imported yet", () -> {
            proxy.hideBlocksAbove(block - 1);
            proxy.hideReceipts();
        });
        laggingViews.put("receipt present, its block not imported yet", () -> proxy.hideBlocksAbove(block - 1));
        try {
            for (Map.Entry<String, Runnable> view : laggingViews.entrySet()) {
                proxy.reset();
                view.getValue().run();
                makeDue();
                tracker.trackDue();
                List<Object[]> attempts = attempts(batchId);
                assertEquals(1, attempts.size(), view.getKey() + ": the anchor must not be sent again");
                assertEquals("confirmed", attempts.get(0)[1], view.getKey());
                String error = (String) attempts.get(0)[2];
                assertNotNull(error, view.getKey() + ": the failed check was not recorded");
                assertTrue(error.contains("checking again later"), view.getKey() + ": " + error);
                assertBatchFollows(batchId, txHash, "confirmed");
            }
        } finally {
            proxy.reset();
        }

        makeDue();
        tracker.trackDue();
        Object[] recovered = attempts(batchId).get(0);
        assertEquals("confirmed", recovered[1]);
        assertNull(recovered[2], "the error stays after a good response");
        mineAndTrack(AnvilNode.FINALITY_DEPTH);
        assertEquals("finalized", attempts(batchId).get(0)[1]);
        assertBatchFollows(batchId, txHash, "finalized");
    }

    @Test
    void wrongChainIdRejected() {
        EvmAnchorBackend.Settings settings = new EvmAnchorBackend.Settings(node.url(), "mainnet", 1,
                AnvilNode.DEV_PRIVATE_KEY, 12, Duration.ofMinutes(10), Duration.ofSeconds(2), Optional.empty());
        try (EvmAnchorBackend backend = new EvmAnchorBackend(settings)) {
            ChainMismatchException error = assertThrows(ChainMismatchException.class, backend::verifyChain);
            assertTrue(error.getMessage().contains(String.valueOf(AnvilNode.CHAIN_ID)), error.getMessage());
        }
        EvmAnchorBackend.Settings unknownNetwork = new EvmAnchorBackend.Settings(node.url(), "ropsten",
                AnvilNode.CHAIN_ID, AnvilNode.DEV_PRIVATE_KEY, 12, Duration.ofMinutes(10), Duration.ofSeconds(2),
                Optional.of(BigInteger.TEN));
        assertThrows(IllegalArgumentException.class, () -> new EvmAnchorBackend(unknownNetwork), "unknown network name");
        EvmAnchorBackend.Settings shortKey = new EvmAnchorBackend.Settings(node.url(), "devnet", AnvilNode.CHAIN_ID,
                "0x1234", 12, Duration.ofMinutes(10), Duration.ofSeconds(2), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> new EvmAnchorBackend(shortKey), "short private key");
    }

    /** Checks that the transaction goes from the anchoring account to itself with CERTANA1 and the root as data. */
    private void checkTransaction(String txHash, String root) {
        JsonNode transaction = node.transaction(txHash);
        assertEquals(AnvilNode.DEV_ADDRESS, transaction.get("from").asText().toLowerCase());
        assertEquals(AnvilNode.DEV_ADDRESS, transaction.get("to").asText().toLowerCase());
        assertEquals("0x" + HEX.formatHex("CERTANA1".getBytes()) + root, transaction.get("input").asText());
    }

    private JsonPath track(Tenants.Tenant tenant, UUID id) {
        makeDue();
        tracker.trackDue();
        return commitment(tenant, id);
    }

    /** Mines blocks, then lets the tracker check every open anchor. */
    private void mineAndTrack(int blocks) {
        node.mine(blocks);
        makeDue();
        tracker.trackDue();
    }

    /** Anchors a new batch of two synthetic commitments and mines it until it is confirmed. */
    private UUID confirmedSyntheticBatch() {
        List<SyntheticCommitments.Row> rows = SyntheticCommitments.insert(entityManager, 2);
        cutAllBatches();
        UUID batchId = batchOf(rows.get(0).id());
        tracker.trackDue();
        mineAndTrack(3);
        assertEquals("confirmed", attempts(batchId).get(0)[1], "batch " + batchId + " after three blocks");
        return batchId;
    }

    /** Makes every open anchor due now, so a test need not wait for the poll interval or a backoff. */
    private void makeDue() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE anchors SET next_check_at = now() WHERE status IN ('pending', 'confirmed')").executeUpdate());
    }

    private void cutAllBatches() {
        while (batcher.cutBatch(true).isPresent()) {
            // Cut until nothing waits.
        }
    }

    private UUID batchOf(UUID commitmentId) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager.createNativeQuery(
                "SELECT batch_id FROM commitments WHERE id = :id").setParameter("id", commitmentId).getSingleResult());
    }

    /** Returns {tx_hash, status, last_error, block_number, block_hash} of each anchor of the batch, oldest first. */
    @SuppressWarnings("unchecked")
    private List<Object[]> attempts(UUID batchId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT tx_hash, status, last_error, block_number, block_hash FROM anchors
                WHERE batch_id = :batch ORDER BY created_at, id""")
                .setParameter("batch", batchId).getResultList());
    }

    private String batchRoot(UUID batchId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT root FROM anchor_batches WHERE id = :id").setParameter("id", batchId).getSingleResult());
    }

    /** Checks that the batch and every one of its commitments show this transaction and state. */
    @SuppressWarnings("unchecked")
    private void assertBatchFollows(UUID batchId, String txHash, String status) {
        Object[] batch = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT status, tree_size FROM anchor_batches WHERE id = :id").setParameter("id", batchId)
                .getSingleResult());
        assertEquals(status, batch[0], "batch " + batchId);
        List<Object[]> commitments = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT id, tx_hash, confirmation_status FROM commitments WHERE batch_id = :batch")
                .setParameter("batch", batchId).getResultList());
        assertEquals(((Number) batch[1]).intValue(), commitments.size(), "commitments of batch " + batchId);
        for (Object[] commitment : commitments) {
            assertEquals(txHash, commitment[1], "commitment " + commitment[0] + " follows the current anchor");
            assertEquals(status, commitment[2], "commitment " + commitment[0]);
        }
    }

}
