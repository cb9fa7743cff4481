package io.certana.imaging.pdq;

import java.util.Arrays;

/**
 * A 256-bit PDQ hash value, immutable.
 *
 * <p>Bit numbering follows Meta's reference ({@code pdq/cpp/common/pdqhashtypes.h} in
 * facebook/ThreatExchange): bit {@code k} is bit {@code k % 16} of 16-bit word {@code k / 16}, and
 * bit {@code 16 * i + j} holds DCT coefficient (row i, column j). The hex form prints word 15
 * first, each word as four lower-case hex digits, so the hex string read as one big-endian number
 * has bit 255 as its most significant bit. {@link #toBitString()} writes the same number in binary,
 * most significant bit first, which is how PostgreSQL and pgvector spell a {@code bit(256)} value.
 */
public final class Hash256 {

    /** Number of bits in a hash. */
    public static final int BITS = 256;

    /** Bits 64·i .. 64·i+63 in {@code words[i]}, bit k at position k % 64. */
    private final long[] words;

    private Hash256(long[] words) {
        this.words = words;
    }

    /** Builds a hash from 256 bits indexed as in the class comment. */
    static Hash256 fromBits(boolean[] bits) {
        long[] words = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                words[k >>> 6] |= 1L << (k & 63);
            }
        }
        return new Hash256(words);
    }

    /** The all-zero hash, which the reference returns for images too small to hash. */
    public static Hash256 zero() {
        return new Hash256(new long[4]);
    }

    /**
     * Parses the 64-digit hex form written by {@link #toHex()} and by Meta's tools.
     *
     * @throws IllegalArgumentException when {@code hex} is not 64 hex digits
     */
    public static Hash256 fromHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("PDQ hash must be 64 hex digits, got "
                    + (hex == null ? "null" : hex.length() + " characters"));
        }
        long[] words = new long[4];
        for (int c = 0; c < 64; c++) {
            int digit = Character.digit(hex.charAt(c), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("PDQ hash contains a non-hex character at position " + c);
            }
            // Digit c contains bits 255 - 4c down to 252 - 4c.
            int lowBit = 252 - 4 * c;
            words[lowBit >>> 6] |= (long) digit << (lowBit & 63);
        }
        return new Hash256(words);
    }

    /** Returns whether bit {@code k} (0..255) is set. */
    public boolean bit(int k) {
        if (k < 0 || k >= BITS) {
            throw new IndexOutOfBoundsException("bit index " + k + " is outside 0..255");
        }
        return (words[k >>> 6] >>> (k & 63) & 1L) != 0;
    }

    /** Number of differing bits between this hash and {@code other} (0..256). */
    public int hammingDistance(Hash256 other) {
        int distance = 0;
        for (int i = 0; i < 4; i++) {
            distance += Long.bitCount(words[i] ^ other.words[i]);
        }
        return distance;
    }

    /** Number of set bits. */
    public int bitCount() {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** Returns the 64-digit lower-case hex form, as printed by Meta's reference tools. */
    public String toHex() {
        StringBuilder hex = new StringBuilder(64);
        for (int i = 3; i >= 0; i--) {
            String part = Long.toHexString(words[i]);
            hex.append("0".repeat(16 - part.length())).append(part);
        }
        return hex.toString();
    }

    /**
     * Returns the 256-character binary form, most significant bit (bit 255) first: the text form of a
     * PostgreSQL/pgvector {@code bit(256)} value, for example in {@code CAST(? AS bit(256))}.
     */
    public String toBitString() {
        StringBuilder bits = new StringBuilder(BITS);
        for (int k = BITS - 1; k >= 0; k--) {
            bits.append(bit(k) ? '1' : '0');
        }
        return bits.toString();
    }

    /** Parses the form written by {@link #toBitString()}. */
    public static Hash256 fromBitString(String bits) {
        if (bits == null || bits.length() != BITS) {
            throw new IllegalArgumentException("bit string must have 256 characters, got "
                    + (bits == null ? "null" : bits.length()));
        }
        long[] words = new long[4];
        for (int c = 0; c < BITS; c++) {
            char ch = bits.charAt(c);
            if (ch != '0' && ch != '1') {
                throw new IllegalArgumentException("bit string contains '" + ch + "' at position " + c);
            }
            if (ch == '1') {
                int k = BITS - 1 - c;
                words[k >>> 6] |= 1L << (k & 63);
            }
        }
        return new Hash256(words);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash256 && Arrays.equals(words, ((Hash256) other).words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
