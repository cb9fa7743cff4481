package io.certana.watermark;

import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable string of bits, first bit most significant: the payload of a Track C model, whose
 * length (32 bits for RivaGAN, 100 for TrustMark) is set by the model.
 *
 * <p>The hexadecimal form right-aligns the bits in ⌈length / 4⌉ digits, so a 100-bit string has 25
 * digits and the first digit carries no more than the first bits; {@link #fromHex} reads it back.
 */
public final class BitString {

    private final byte[] bits;

    private BitString(byte[] bits) {
        this.bits = bits;
    }

    /** Creates a bit string from values 0 and 1, first bit first. */
    public static BitString of(byte[] bits) {
        byte[] copy = bits.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] != 0 && copy[i] != 1) {
                throw new IllegalArgumentException("bit " + i + " is " + copy[i] + ", expected 0 or 1");
            }
        }
        return new BitString(copy);
    }

    /** Creates a bit string of the low {@code length} bits of {@code value}, most significant first. */
    public static BitString fromLong(long value, int length) {
        if (length < 0 || length > Long.SIZE) {
            throw new IllegalArgumentException("a long holds 0..64 bits, requested " + length);
        }
        byte[] bits = new byte[length];
        for (int i = 0; i < length; i++) {
            bits[i] = (byte) ((value >>> (length - 1 - i)) & 1);
        }
        return new BitString(bits);
    }

    /**
     * Parses the hexadecimal form of a {@code length}-bit string.
     *
     * @throws IllegalArgumentException when the text is not ⌈length / 4⌉ hexadecimal digits or sets
     *                                  bits above {@code length}
     */
    public static BitString fromHex(String hex, int length) {
        int digits = (length + 3) / 4;
        if (hex.length() != digits) {
            throw new IllegalArgumentException("a " + length + "-bit string has " + digits + " hex digits, got "
                    + hex.length());
        }
        byte[] padded = new byte[digits * 4];
        for (int d = 0; d < digits; d++) {
            int value = Character.digit(hex.charAt(d), 16);
            if (value < 0) {
                throw new IllegalArgumentException("not a hex digit: '" + hex.charAt(d) + "'");
            }
            for (int b = 0; b < 4; b++) {
                padded[4 * d + b] = (byte) ((value >> (3 - b)) & 1);
            }
        }
        int extra = padded.length - length;
        for (int i = 0; i < extra; i++) {
            if (padded[i] != 0) {
                throw new IllegalArgumentException(hex + " has more than " + length + " bits");
            }
        }
        return new BitString(Arrays.copyOfRange(padded, extra, padded.length));
    }

    public int length() {
        return bits.length;
    }

    /** Returns bit {@code index} (0 or 1), index 0 being the first. */
    public int bit(int index) {
        return bits[index];
    }

    /** Returns the bits as values 0 and 1, first bit first (a copy). */
    public byte[] toArray() {
        return bits.clone();
    }

    /** Returns bits {@code from} (inclusive) to {@code to} (exclusive). */
    public BitString slice(int from, int to) {
        return new BitString(Arrays.copyOfRange(bits, from, to));
    }

    /** Returns this string followed by {@code other}. */
    public BitString concat(BitString other) {
        byte[] joined = Arrays.copyOf(bits, bits.length + other.bits.length);
        System.arraycopy(other.bits, 0, joined, bits.length, other.bits.length);
        return new BitString(joined);
    }

    /**
     * Returns the bits as an unsigned number, the last bit least significant.
     *
     * @throws IllegalStateException when the string is longer than 64 bits
     */
    public long toLong() {
        if (bits.length > Long.SIZE) {
            throw new IllegalStateException("a " + bits.length + "-bit string does not fit a long");
        }
        long value = 0;
        for (byte bit : bits) {
            value = (value << 1) | bit;
        }
        return value;
    }

    /** Returns ⌈length / 4⌉ lower-case hexadecimal digits, bits right-aligned. */
    public String toHex() {
        int digits = (bits.length + 3) / 4;
        int extra = digits * 4 - bits.length;
        StringBuilder hex = new StringBuilder(digits);
        int value = 0;
        for (int i = 0; i < digits * 4; i++) {
            int bit = i < extra ? 0 : bits[i - extra];
            value = (value << 1) | bit;
            if (i % 4 == 3) {
                hex.append(Character.forDigit(value, 16));
                value = 0;
            }
        }
        return hex.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitString b && Arrays.equals(bits, b.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    /** Returns the length and the hexadecimal form, for example {@code 32:89abcdef}. */
    @Override
    public String toString() {
        return bits.length + ":" + toHex();
    }
}
