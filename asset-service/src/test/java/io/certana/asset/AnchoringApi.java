package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/**
 * Helpers of the anchoring tests: registering assets until their commitment exists, reading the
 * commitment with its proof over HTTP, and checking that proof with the independent RFC 6962 code
 * in {@link Rfc6962}.
 */
final class AnchoringApi {

    private static final HexFormat HEX = HexFormat.of();

    private AnchoringApi() {
    }

    /** Registers {@code count} generated PNGs and waits until each has its signed commitment. */
    static List<UUID> registerCompleted(Tenants.Tenant tenant, int count, int seed) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(AssetApi.register(tenant.writeKey(), TestPictures.png(256, 192, seed + i), "anchor-" + seed + "-" + i
                    + ".png", "image/png"));
        }
        ids.forEach(id -> AssetApi.awaitCompleted(tenant.writeKey(), id));
        return ids;
    }

    static JsonPath commitment(Tenants.Tenant tenant, UUID id) {
        return withKey(tenant.readKey()).get("/api/v1/assets/{id}/commitment", id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Checks the whole chain of a commitment's proof: payload hash, leaf hash, root. */
    static boolean inclusionHolds(JsonPath commitment) {
        byte[] leaf = leafHash(commitment);
        assertEquals(commitment.getString("proof.leafHash"), HEX.formatHex(leaf), "the stated leaf hash");
        return Rfc6962.inclusionHolds(leaf, commitment.getInt("proof.leafIndex"), commitment.getInt("proof.treeSize"),
                path(commitment), HEX.parseHex(commitment.getString("proof.root")));
    }

    static byte[] leafHash(JsonPath commitment) {
        return Rfc6962.leafHash(HEX.parseHex(commitment.getString("commitmentHash")));
    }

    static List<byte[]> path(JsonPath commitment) {
        return commitment.getList("proof.auditPath", String.class).stream().map(HEX::parseHex).toList();
    }
}
