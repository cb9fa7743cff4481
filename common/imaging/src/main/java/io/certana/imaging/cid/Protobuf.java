package io.certana.imaging.cid;

import java.io.ByteArrayOutputStream;

/**
 * The few protobuf wire-format primitives the dag-pb and UnixFS encodings need (protobuf
 * encoding guide: varints, and field keys {@code (field number << 3) | wire type}).
 */
final class Protobuf {

    /** Wire type 0: varint. */
    static final int VARINT = 0;
    /** Wire type 2: length-delimited bytes. */
    static final int LENGTH_DELIMITED = 2;

    private Protobuf() {
    }

    /** Writes an unsigned LEB128 varint: 7 bits per byte, low bits first, high bit set on all but the last byte. */
    static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    static void writeKey(ByteArrayOutputStream out, int field, int wireType) {
        writeVarint(out, ((long) field << 3) | wireType);
    }

    static void writeUint64Field(ByteArrayOutputStream out, int field, long value) {
        writeKey(out, field, VARINT);
        writeVarint(out, value);
    }

    static void writeBytesField(ByteArrayOutputStream out, int field, byte[] value) {
        writeKey(out, field, LENGTH_DELIMITED);
        writeVarint(out, value.length);
        out.writeBytes(value);
    }
}
