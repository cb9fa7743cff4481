package io.certana.asset;

import static io.certana.asset.AnchoringApi.commitment;
import static io.certana.asset.AnchoringApi.inclusionHolds;
import static io.certana.asset.AnchoringApi.leafHash;
import static io.certana.asset.AnchoringApi.path;
import static io.certana.asset.AnchoringApi.registerCompleted;
import static io.certana.asset.AssetApi.withKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.certana.asset.anchor.service.AnchorTracker;
import io.certana.asset.anchor.service.AnchorWorker;
import io.certana.asset.anchor.service.Batcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Registered assets are batched and anchored in the local transparency log, and the proofs the
 * service returns over HTTP are checked with the independent RFC 6962 code in {@link Rfc6962}.
 */
@QuarkusTest
@TestProfile(AnchoringProfile.class)
class LocalAnchoringTest {

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    Batcher batcher;

    @Inject
    AnchorTracker tracker;

    @Inject
    AnchorWorker worker;

    @Inject
    EntityManager entityManager;

    @Test
    void proofsVerifyAndAnchorsFinalize() throws Exception {
        Tenants.Tenant tenant = Tenants.primary();
        List<UUID> ids = registerCompleted(tenant, 3, 701);
        JsonPath before = commitment(tenant, ids.get(0));
        assertEquals("pending", before.getString("confirmationStatus"));
        assertNull(before.get("proof"), "a commitment outside a batch has no proof");

        cutAllBatches();
        JsonPath batched = commitment(tenant, ids.get(0));
        assertEquals("pending", batched.getString("proof.anchor.confirmationStatus"));
        assertNull(batched.get("proof.anchor.txHash"), "the anchor is queued, not submitted");
        assertEquals("local", batched.getString("network"));
        assertTrue(inclusionHolds(batched), "the proof of a batched commitment must verify");

        tracker.trackDue();
        for (UUID id : ids) {
            JsonPath anchored = commitment(tenant, id);
            assertTrue(inclusionHolds(anchored), "inclusion of asset " + id);
            assertEquals("finalized", anchored.getString("confirmationStatus"));
            assertEquals("finalized", anchored.getString("proof.anchor.confirmationStatus"));
            assertEquals("local", anchored.getString("proof.anchor.network"));
            String txHash = anchored.getString("proof.anchor.txHash");
            assertTrue(txHash.matches("local:\\d+"), txHash);
            assertEquals(txHash, anchored.getString("txHash"));
            long entry = Long.parseLong(txHash.substring("local:".length()));
            assertEquals(entry, anchored.getLong("proof.anchor.blockHeight"));
            assertEquals(entry, anchored.getLong("blockHeight"));
            checkLogEntry(anchored.getString("proof.root"), entry);
        }
    }

    @Test
    void tamperedProofsRejected() {
        Tenants.Tenant tenant = Tenants.primary();
        List<UUID> ids = registerCompleted(tenant, 2, 711);
        cutAllBatches();
        JsonPath first = commitment(tenant, ids.get(0));
        JsonPath second = commitment(tenant, ids.get(1));
        assertTrue(inclusionHolds(first));

        byte[] leaf = leafHash(first);
        int index = first.getInt("proof.leafIndex");
        int size = first.getInt("proof.treeSize");
        byte[] root = HEX.parseHex(first.getString("proof.root"));
        List<byte[]> path = path(first);
        assertFalse(path.isEmpty(), "two commitments in one batch need a sibling: the batch held only one");

        List<byte[]> tampered = new ArrayList<>(path);
        byte[] changed = tampered.get(0).clone();
        changed[5] ^= 0x40;
        tampered.set(0, changed);
        assertFalse(Rfc6962.inclusionHolds(leaf, index, size, tampered, root), "tampered audit path");

        byte[] wrongRoot = root.clone();
        wrongRoot[0] ^= 1;
        assertFalse(Rfc6962.inclusionHolds(leaf, index, size, path, wrongRoot), "wrong root");

        assertFalse(Rfc6962.inclusionHolds(leafHash(second), index, size, path, root), "swapped leaf");
        assertFalse(Rfc6962.inclusionHolds(leaf, index ^ 1, size, path, root), "wrong leaf index");
        assertFalse(Rfc6962.inclusionHolds(leaf, index, size, path.subList(0, path.size() - 1), root), "short path");
        // The commitment hash itself, not its leaf hash, must not pass as the leaf.
        assertFalse(Rfc6962.inclusionHolds(HEX.parseHex(first.getString("commitmentHash")), index, size, path, root),
                "unprefixed leaf");
    }

    @Test
    void matchApiCarriesTheSameProof() {
        Tenants.Tenant tenant = Tenants.primary();
        UUID id = registerCompleted(tenant, 1, 721).get(0);
        cutAllBatches();
        tracker.trackDue();
        JsonPath commitment = commitment(tenant, id);
        String contentHash = AssetApi.get(tenant.readKey(), id).path("contentHash");

        JsonPath match = given().header("X-Internal-Token", IdentityServiceResource.INTERNAL_TOKEN)
                .contentType("application/json")
                .body(Map.of("contentHash", contentHash))
                .post("/internal/v1/matches")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(id.toString(), match.getString("candidates[0].assetId"));
        Map<String, Object> matchProof = match.getMap("candidates[0].commitment.proof");
        assertEquals(commitment.getMap("proof"), matchProof);
        assertEquals("finalized", match.getString("candidates[0].commitment.confirmationStatus"));
        assertEquals(commitment.getString("txHash"), match.getString("candidates[0].commitment.txHash"));
    }

    @Test
    void deletedAssetLeavesTombstone() {
        Tenants.Tenant tenant = Tenants.primary();
        List<UUID> ids = registerCompleted(tenant, 2, 731);
        cutAllBatches();
        tracker.trackDue();
        JsonPath kept = commitment(tenant, ids.get(1));
        String deletedHash = commitment(tenant, ids.get(0)).getString("commitmentHash");

        withKey(tenant.writeKey()).delete("/api/v1/assets/{id}", ids.get(0)).then().statusCode(204);

        Object[] tombstone = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                SELECT asset_id, commitment_payload, signature, batch_id, leaf_index, asset_deleted_at
                FROM commitments WHERE commitment_hash = :hash""").setParameter("hash", deletedHash).getSingleResult());
        assertNull(tombstone[0], "the tombstone still names the asset");
        assertNull(tombstone[1], "the tombstone keeps the payload");
        assertNull(tombstone[2], "the tombstone keeps the signature");
        assertNotNull(tombstone[3], "the tombstone lost its batch");
        assertNotNull(tombstone[4], "the tombstone lost its leaf index");
        assertNotNull(tombstone[5], "the deletion time is missing");
        // The other asset's proof still holds: the deleted leaf's hash is still in its batch.
        assertTrue(inclusionHolds(commitment(tenant, ids.get(1))));
        assertEquals(kept.getMap("proof"), commitment(tenant, ids.get(1)).getMap("proof"));

        // A commitment not yet in a batch goes with its asset.
        UUID unbatched = registerCompleted(tenant, 1, 741).get(0);
        String unbatchedHash = commitment(tenant, unbatched).getString("commitmentHash");
        withKey(tenant.writeKey()).delete("/api/v1/assets/{id}", unbatched).then().statusCode(204);
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM commitments WHERE commitment_hash = :hash").setParameter("hash", unbatchedHash)
                .getSingleResult()).longValue());
        assertEquals(0, left, "an unbatched commitment outlived its asset");
    }

    @Test
    void workerAnchorsOnItsOwn() {
        // A full batch is cut at once, whatever the interval (1 hour in this profile).
        List<SyntheticCommitments.Row> rows = SyntheticCommitments.insert(entityManager, AnchoringProfile.MAX_BATCH_SIZE);
        worker.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String status = null;
            while (System.nanoTime() < deadline) {
                status = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "SELECT confirmation_status FROM commitments WHERE id = :id")
                        .setParameter("id", rows.get(rows.size() - 1).id()).getSingleResult());
                if ("finalized".equals(status)) {
                    break;
                }
                AssetApi.sleep(100);
            }
            assertEquals("finalized", status, "the worker did not anchor a full batch within 30 s");
        } finally {
            worker.stop();
        }
    }

    private void cutAllBatches() {
        while (batcher.cutBatch(true).isPresent()) {
            // Small batches: cut until nothing waits.
        }
    }

    /** Checks that the latest signed tree head covers the batch root at the given log entry. */
    private static void checkLogEntry(String batchRoot, long entry) throws Exception {
        JsonPath head = given().get("/api/v1/transparency-log/tree-head").then().statusCode(200).extract().jsonPath();
        assertTrue(TreeHeadCheck.signatureHolds(head), "the tree head signature does not verify");
        long treeSize = head.getLong("treeSize");
        assertTrue(treeSize > entry, "tree head of size " + treeSize + " does not cover entry " + entry);

        JsonPath inclusion = given().queryParam("batchRoot", batchRoot).queryParam("treeSize", treeSize)
                .get("/api/v1/transparency-log/inclusion").then().statusCode(200).extract().jsonPath();
        assertEquals(entry, inclusion.getLong("leafIndex"));
        byte[] leaf = Rfc6962.leafHash(HEX.parseHex(batchRoot));
        assertArrayEquals(leaf, HEX.parseHex(inclusion.getString("leafHash")));
        List<byte[]> path = inclusion.getList("auditPath", String.class).stream().map(HEX::parseHex).toList();
        assertTrue(Rfc6962.inclusionHolds(leaf, entry, treeSize, path, HEX.parseHex(head.getString("rootHash"))),
                "the batch root is not in the signed tree");
    }
}
