package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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
 * finalized as blocks are mined, and a transaction lost with a stopped node is detected as dropped
 * and the batch anchored again on the node that comes back.
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
    void requireAnvil() {
        Optional<AnvilNode> running = AnvilResource.node();
        assumeTrue(running.isPresent(), "Anvil is not installed (system property certana.anvil.binary or "
                + "CERTANA_ANVIL); scripts/setup.sh installs it");
        node = running.get();
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

        // The node stops before it mines the transaction: checks fail, and the anchor waits.
        node.stop();
        makeDue();
        tracker.trackDue();
        Object[] waiting = attempts(batchId).get(0);
        assertEquals("pending", waiting[1]);
        assertNotNull(waiting[2], "the failed check was not recorded");

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
        String root = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT root FROM anchor_batches WHERE id = :id").setParameter("id", batchId).getSingleResult());
        checkTransaction(newTx, root);
        for (SyntheticCommitments.Row row : rows) {
            Object[] state = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "SELECT tx_hash, confirmation_status FROM commitments WHERE id = :id")
                    .setParameter("id", row.id()).getSingleResult());
            assertEquals(newTx, state[0], "commitment " + row.id() + " follows the current anchor");
            assertEquals("finalized", state[1]);
        }
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

    /** Returns {tx_hash, status, last_error} of every anchor of the batch, oldest first. */
    @SuppressWarnings("unchecked")
    private List<Object[]> attempts(UUID batchId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT tx_hash, status, last_error FROM anchors WHERE batch_id = :batch ORDER BY created_at, id""")
                .setParameter("batch", batchId).getResultList());
    }

    private static JsonPath commitment(Tenants.Tenant tenant, UUID id) {
        return withKey(tenant.readKey()).get("/api/v1/assets/{id}/commitment", id)
                .then().statusCode(200).extract().jsonPath();
    }
}
