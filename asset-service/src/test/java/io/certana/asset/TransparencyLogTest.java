package io.certana.asset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.certana.asset.anchor.local.TransparencyLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * The local transparency log over HTTP: signed tree heads as it grows, consistency proofs between
 * every pair of them and inclusion proofs of its entries, all checked with {@link Rfc6962}; and the
 * database refusing to change what was appended.
 */
@QuarkusTest
@TestProfile(AnchoringProfile.class)
class TransparencyLogTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TransparencyLog log;

    @Inject
    EntityManager entityManager;

    /** A tree head as the test saw it over HTTP. */
    private record Head(long size, byte[] root) {
    }

    @Test
    void consistencyHoldsAcrossGrowth() throws Exception {
        List<Head> heads = new ArrayList<>();
        for (int appended : new int[] {1, 2, 3, 5, 8, 13}) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < appended; i++) {
                    log.append(randomRoot());
                }
            });
            log.publishTreeHead();
            JsonPath head = given().get("/api/v1/transparency-log/tree-head").then().statusCode(200)
                    .body("signatureAlgorithm", equalTo("Ed25519")).extract().jsonPath();
            assertTrue(TreeHeadCheck.signatureHolds(head), "signature of the head of size " + head.getLong("treeSize"));
            heads.add(new Head(head.getLong("treeSize"), HEX.parseHex(head.getString("rootHash"))));
        }

        for (int a = 0; a < heads.size(); a++) {
            for (int b = a; b < heads.size(); b++) {
                Head older = heads.get(a);
                Head newer = heads.get(b);
                List<byte[]> proof = consistencyProof(older.size(), newer.size());
                assertTrue(Rfc6962.consistencyHolds(older.size(), newer.size(), older.root(), newer.root(), proof),
                        "consistency from " + older.size() + " to " + newer.size());
                if (proof.isEmpty()) {
                    continue;
                }
                List<byte[]> tampered = new ArrayList<>(proof);
                byte[] changed = tampered.get(tampered.size() - 1).clone();
                changed[31] ^= 1;
                tampered.set(tampered.size() - 1, changed);
                assertFalse(Rfc6962.consistencyHolds(older.size(), newer.size(), older.root(), newer.root(), tampered),
                        "tampered proof from " + older.size() + " to " + newer.size());
                byte[] rewritten = older.root().clone();
                rewritten[0] ^= 1;
                assertFalse(Rfc6962.consistencyHolds(older.size(), newer.size(), rewritten, newer.root(), proof),
                        "rewritten history from " + older.size() + " to " + newer.size());
            }
        }

        Head latest = heads.get(heads.size() - 1);
        for (long index = Math.max(0, latest.size() - 32); index < latest.size(); index++) {
            JsonPath inclusion = given().queryParam("leafIndex", index).queryParam("treeSize", latest.size())
                    .get("/api/v1/transparency-log/inclusion").then().statusCode(200).extract().jsonPath();
            byte[] leaf = Rfc6962.leafHash(HEX.parseHex(inclusion.getString("batchRoot")));
            List<byte[]> path = inclusion.getList("auditPath", String.class).stream().map(HEX::parseHex).toList();
            assertTrue(Rfc6962.inclusionHolds(leaf, index, latest.size(), path, latest.root()), "inclusion of " + index);
        }

        // An earlier head stays retrievable by its size, unchanged.
        Head earlier = heads.get(2);
        given().get("/api/v1/transparency-log/tree-heads/{size}", earlier.size()).then().statusCode(200)
                .body("rootHash", equalTo(HEX.formatHex(earlier.root())));
    }

    @Test
    void appendedEntriesCannotChange() {
        QuarkusTransaction.requiringNew().run(() -> log.append(randomRoot()));
        for (String statement : List.of(
                "UPDATE transparency_log_entries SET batch_root = batch_root",
                "DELETE FROM transparency_log_entries",
                "TRUNCATE transparency_log_entries",
                "UPDATE transparency_log_subtrees SET hash = hash",
                "DELETE FROM transparency_log_tree_heads",
                "DELETE FROM transparency_log_keys")) {
            PersistenceException error = assertThrows(PersistenceException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement)
                            .executeUpdate()), statement);
            assertTrue(messages(error).contains("append-only"), statement + ": " + messages(error));
        }
    }

    @Test
    void invalidRequestsGetProblems() {
        QuarkusTransaction.requiringNew().run(() -> log.append(randomRoot()));
        long size = log.publishTreeHead().orElseThrow().head().treeSize();

        given().queryParam("first", size).queryParam("second", 1).get("/api/v1/transparency-log/consistency")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("first"));
        given().queryParam("first", 0).queryParam("second", size + 1000).get("/api/v1/transparency-log/consistency")
                .then().statusCode(400).body("errors[0].field", equalTo("second"));
        given().queryParam("second", size).get("/api/v1/transparency-log/consistency")
                .then().statusCode(400).body("errors[0].field", equalTo("first"));
        given().get("/api/v1/transparency-log/inclusion").then().statusCode(400);
        given().queryParam("leafIndex", "abc").get("/api/v1/transparency-log/inclusion")
                .then().statusCode(400).body("errors[0].field", equalTo("leafIndex"));
        given().queryParam("leafIndex", size).queryParam("treeSize", size).get("/api/v1/transparency-log/inclusion")
                .then().statusCode(400);
        given().queryParam("batchRoot", "XYZ").get("/api/v1/transparency-log/inclusion")
                .then().statusCode(400).body("errors[0].field", equalTo("batchRoot"));
        given().queryParam("batchRoot", HEX.formatHex(randomRoot())).get("/api/v1/transparency-log/inclusion")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/transparency-log/tree-heads/{size}", size + 1000).then().statusCode(404);
    }

    private static List<byte[]> consistencyProof(long first, long second) {
        return given().queryParam("first", first).queryParam("second", second)
                .get("/api/v1/transparency-log/consistency").then().statusCode(200).extract().jsonPath()
                .getList("proof", String.class).stream().map(HEX::parseHex).toList();
    }

    private static byte[] randomRoot() {
        byte[] root = new byte[32];
        RANDOM.nextBytes(root);
        return root;
    }

    private static String messages(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
