package io.certana.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BitStringTest {

    @Test
    void fromLongKeepsLowBitsMostSignificantFirst() {
        BitString bits = BitString.fromLong(0b1011L, 4);

        assertEquals(4, bits.length());
        assertEquals(1, bits.bit(0));
        assertEquals(0, bits.bit(1));
        assertEquals(1, bits.bit(3));
        assertEquals(0b1011L, bits.toLong());
    }

    @Test
    void hexRightAlignsBits() {
        BitString bits = BitString.fromLong(0x5L, 3).concat(BitString.fromLong(0xabcdL, 16));

        assertEquals("5abcd", bits.toHex());
        assertEquals(bits, BitString.fromHex("5abcd", 19));
        assertEquals("19:5abcd", bits.toString());
    }

    @Test
    void hundredBitsRoundTripThroughHex() {
        BitString high = BitString.fromLong(0xfedcba9876543210L, 64);
        BitString low = BitString.fromLong(0x123456789L, 36);
        BitString bits = high.concat(low);

        assertEquals(100, bits.length());
        assertEquals(25, bits.toHex().length());
        assertEquals("fedcba9876543210123456789", bits.toHex());
        assertEquals(bits, BitString.fromHex(bits.toHex(), 100));
        assertEquals(high, bits.slice(0, 64));
        assertEquals(low, bits.slice(64, 100));
    }

    @Test
    void fullLongRoundTrips() {
        long value = 0x8000000000000001L;

        assertEquals(value, BitString.fromLong(value, 64).toLong());
        assertEquals("8000000000000001", BitString.fromLong(value, 64).toHex());
    }

    @Test
    void invalidInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BitString.fromHex("12", 3));
        assertThrows(IllegalArgumentException.class, () -> BitString.fromHex("f", 3));
        assertThrows(IllegalArgumentException.class, () -> BitString.fromHex("g", 4));
        assertThrows(IllegalArgumentException.class, () -> BitString.of(new byte[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> BitString.fromLong(1, 65));
        assertThrows(IllegalStateException.class, () -> BitString.of(new byte[65]).toLong());
    }

    @Test
    void equalityFollowsBits() {
        assertEquals(BitString.fromLong(3, 8), BitString.of(new byte[] {0, 0, 0, 0, 0, 0, 1, 1}));
        assertNotEquals(BitString.fromLong(3, 8), BitString.fromLong(3, 9));
    }
}
