package io.certana.asset.processing;

import java.util.HexFormat;

import io.certana.watermark.BitString;

/** Converts Track C's bit strings to the bytes stored in {@code watermarks.track_c_payload}. */
public final class TrackCBits {

    private TrackCBits() {
    }

    /**
     * Returns the bits right-aligned in whole bytes, most significant first: a 32-bit value becomes
     * 4 bytes, a 100-bit string 13 bytes with 4 leading zero bits.
     */
    public static byte[] toBytes(BitString bits) {
        String hex = bits.toHex();
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        return HexFormat.of().parseHex(hex);
    }
}
