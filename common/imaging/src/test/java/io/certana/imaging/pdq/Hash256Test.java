package io.certana.imaging.pdq;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Hash256Test {

    private static final String HEX = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @Test
    void hexRoundTrip() {
        assertEquals(HEX, Hash256.fromHex(HEX).toHex());
        assertEquals(HEX, Hash256.fromHex(HEX.toUpperCase()).toHex());
    }

    @Test
    void bitStringIsMostSignificantBitFirst() {
        Hash256 hash = Hash256.fromHex(HEX);
        String bits = hash.toBitString();

        assertEquals(256, bits.length());
        // 0xf8 = 11111000: the first hex digit contains bits 255..252.
        assertTrue(bits.startsWith("11111000"));
        assertTrue(hash.bit(255));
        assertFalse(hash.bit(250));
        // The last hex digit 0x2 = 0010 contains bits 3..0.
        assertTrue(bits.endsWith("0010"));
        assertTrue(hash.bit(1));
        assertEquals(hash, Hash256.fromBitString(bits));
    }

    @Test
    void wordOrderMatchesReference() {
        // In the reference, bit k is bit k % 16 of word k / 16, and word 15 is printed first.
        String hex = "0000000000000000000000000000000000000000000000000000000000000001";
        assertTrue(Hash256.fromHex(hex).bit(0));
        assertEquals(1, Hash256.fromHex(hex).bitCount());
        assertTrue(Hash256.fromHex("8" + "0".repeat(63)).bit(255));
    }

    @Test
    void hammingDistanceCountsDifferentBits() {
        Hash256 a = Hash256.fromHex(HEX);
        Hash256 b = Hash256.fromHex("f8f8f0cee0f4a84f06370a2a038f63f0b36e26d596621e1d33e6b39c4e9c9b22");
        assertEquals(0, a.hammingDistance(a));
        assertEquals(2, a.hammingDistance(b));
        assertEquals(256, Hash256.zero().hammingDistance(Hash256.fromHex("f".repeat(64))));
    }

    @Test
    void rejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> Hash256.fromHex("abc"));
        assertThrows(IllegalArgumentException.class, () -> Hash256.fromHex("g".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> Hash256.fromBitString("2".repeat(256)));
    }
}
