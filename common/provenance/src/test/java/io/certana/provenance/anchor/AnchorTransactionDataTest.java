package io.certana.provenance.anchor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class AnchorTransactionDataTest {

    @Test
    void encodesTagThenRoot() {
        byte[] root = new byte[32];
        root[0] = (byte) 0xab;
        root[31] = 0x01;

        byte[] data = AnchorTransactionData.encode(root);

        assertEquals("43455254414e4131" + "ab" + "00".repeat(30) + "01", HexFormat.of().formatHex(data));
        assertArrayEquals(root, AnchorTransactionData.decode(data).orElseThrow());
    }

    @Test
    void otherDataIsNotAnAnchor() {
        byte[] data = AnchorTransactionData.encode(new byte[32]);
        data[7] = '2';
        assertTrue(AnchorTransactionData.decode(data).isEmpty(), "other version");
        assertTrue(AnchorTransactionData.decode(new byte[40]).isEmpty(), "no tag");
        assertTrue(AnchorTransactionData.decode(new byte[0]).isEmpty(), "empty");
        assertTrue(AnchorTransactionData.decode(null).isEmpty(), "none");
        assertThrows(IllegalArgumentException.class, () -> AnchorTransactionData.encode(new byte[31]));
    }
}
