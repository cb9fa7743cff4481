package io.certana.asset;

import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import io.restassured.path.json.JsonPath;

/**
 * Checks a signed tree head from {@code GET /api/v1/transparency-log/tree-head} with the JDK alone:
 * the RFC 6962 TreeHeadSignature bytes are built here, not with the service's code.
 */
final class TreeHeadCheck {

    private TreeHeadCheck() {
    }

    /** Returns whether the head's signature verifies under the public key it carries. */
    static boolean signatureHolds(JsonPath head) throws Exception {
        byte[] signed = ByteBuffer.allocate(50)
                .put((byte) 0)                 // version v1
                .put((byte) 1)                 // signature type tree_hash
                .putLong(head.getLong("timestamp"))
                .putLong(head.getLong("treeSize"))
                .put(HexFormat.of().parseHex(head.getString("rootHash")))
                .array();
        String pem = head.getString("publicKey").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signed);
        return verifier.verify(Base64.getDecoder().decode(head.getString("signature")));
    }
}
