package io.certana.provenance.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.certana.provenance.signing.Ed25519Keys;

class TreeHeadTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void signedBytesFollowRfc6962Layout() {
        byte[] root = HEX.parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        TreeHead head = new TreeHead(8, root, 0x0102030405060708L);

        // version v1 (0), tree_hash (1), timestamp, tree size, root.
        assertEquals("0001" + "0102030405060708" + "0000000000000008" + HEX.formatHex(root),
                HEX.formatHex(head.signedBytes()));
        assertEquals(TreeHead.SIGNED_BYTES, head.signedBytes().length);
    }

    @Test
    void signatureVerifiesAndBindsEveryField() {
        KeyPair key = Ed25519Keys.generate();
        byte[] root = MerkleHashes.leaf(new byte[] {1, 2, 3});
        TreeHead head = new TreeHead(42, root, 1_700_000_000_000L);
        byte[] signature = head.sign(key.getPrivate());

        assertTrue(head.verify(key.getPublic(), signature));
        assertFalse(new TreeHead(43, root, head.timestamp()).verify(key.getPublic(), signature), "other size");
        assertFalse(new TreeHead(42, root, head.timestamp() + 1).verify(key.getPublic(), signature), "other time");
        byte[] otherRoot = root.clone();
        otherRoot[31] ^= 1;
        assertFalse(new TreeHead(42, otherRoot, head.timestamp()).verify(key.getPublic(), signature), "other root");
        assertFalse(head.verify(Ed25519Keys.generate().getPublic(), signature), "other key");
        assertFalse(head.verify(key.getPublic(), new byte[5]), "malformed signature");
    }

    @Test
    void invalidFieldsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TreeHead(-1, new byte[32], 0));
        assertThrows(IllegalArgumentException.class, () -> new TreeHead(1, new byte[31], 0));
        assertThrows(IllegalArgumentException.class, () -> new TreeHead(1, new byte[32], -5));
    }
}
