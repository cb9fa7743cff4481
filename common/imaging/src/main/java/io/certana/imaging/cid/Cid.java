package io.certana.imaging.cid;

import java.io.ByteArrayOutputStream;

/**
 * CIDv1 construction and its base32 text form, per the multiformats specifications (CID, multihash,
 * multicodec, multibase). A CIDv1 is the bytes {@code <version 0x01><codec><multihash>}, where the
 * multihash is {@code <0x12 sha2-256><0x20 length 32><digest>}; the text form is multibase base32
 * (RFC 4648 lower-case alphabet, no padding) prefixed with {@code b}.
 */
public final class Cid {

    /** Multicodec for raw bytes: a leaf block that is the file content itself. */
    public static final int CODEC_RAW = 0x55;
    /** Multicodec for dag-pb: a protobuf node of the UnixFS DAG. */
    public static final int CODEC_DAG_PB = 0x70;

    private static final int CID_VERSION = 0x01;
    private static final int MULTIHASH_SHA2_256 = 0x12;
    private static final int SHA2_256_LENGTH = 32;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Cid() {
    }

    /** Binary CIDv1 of a block with the given codec and SHA-256 digest. */
    public static byte[] bytes(int codec, byte[] sha256) {
        if (sha256.length != SHA2_256_LENGTH) {
            throw new IllegalArgumentException("SHA-256 digest must have 32 bytes, got " + sha256.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(36);
        Protobuf.writeVarint(out, CID_VERSION);
        Protobuf.writeVarint(out, codec);
        Protobuf.writeVarint(out, MULTIHASH_SHA2_256);
        Protobuf.writeVarint(out, SHA2_256_LENGTH);
        out.writeBytes(sha256);
        return out.toByteArray();
    }

    /** Text form of a binary CID: {@code b} followed by base32 lower-case without padding. */
    public static String toBase32(byte[] cid) {
        StringBuilder text = new StringBuilder(1 + (cid.length * 8 + 4) / 5);
        text.append('b');
        int buffer = 0;
        int bits = 0;
        for (byte value : cid) {
            buffer = (buffer << 8) | (value & 0xFF);
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32[(buffer >>> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(BASE32[(buffer << (5 - bits)) & 0x1F]);
        }
        return text.toString();
    }
}
