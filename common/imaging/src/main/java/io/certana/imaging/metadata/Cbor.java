package io.certana.imaging.metadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CBOR decoder (RFC 8949) for reading C2PA claims: maps, arrays, text, byte strings,
 * integers, tags, simple values and floats. Byte strings are returned as their length only
 * ({@link ByteString}) so that no binary data is kept. Nesting depth and item counts are bounded,
 * and malformed input raises {@link IllegalArgumentException}.
 */
final class Cbor {

    /** Placeholder for a byte string, which is never copied out. */
    record ByteString(int length) {
    }

    private static final int MAX_DEPTH = 16;
    private static final Object BREAK = new Object();

    private final byte[] data;
    private int pos;

    private Cbor(byte[] data, int offset) {
        this.data = data;
        this.pos = offset;
    }

    /** Decodes the first data item of {@code data}. */
    static Object decode(byte[] data) {
        return new Cbor(data, 0).item(0);
    }

    private Object item(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("CBOR nesting deeper than " + MAX_DEPTH);
        }
        int initial = readByte();
        int major = initial >>> 5;
        int info = initial & 0x1F;
        if (initial == 0xFF) {
            return BREAK;
        }
        switch (major) {
            case 0:
                return argument(info);
            case 1:
                return -1 - argument(info);
            case 2: {
                if (info == 31) {
                    int total = 0;
                    for (Object chunk = item(depth + 1); chunk != BREAK; chunk = item(depth + 1)) {
                        total += ((ByteString) chunk).length();
                    }
                    return new ByteString(total);
                }
                int length = length(info);
                pos += length;
                return new ByteString(length);
            }
            case 3: {
                if (info == 31) {
                    StringBuilder text = new StringBuilder();
                    for (Object chunk = item(depth + 1); chunk != BREAK; chunk = item(depth + 1)) {
                        text.append((String) chunk);
                    }
                    return text.toString();
                }
                int length = length(info);
                String text = new String(data, pos, length, StandardCharsets.UTF_8);
                pos += length;
                return text;
            }
            case 4: {
                List<Object> list = new ArrayList<>();
                long count = info == 31 ? Long.MAX_VALUE : length(info);
                for (long i = 0; i < count; i++) {
                    Object element = item(depth + 1);
                    if (element == BREAK) {
                        break;
                    }
                    list.add(element);
                }
                return list;
            }
            case 5: {
                Map<String, Object> map = new LinkedHashMap<>();
                long count = info == 31 ? Long.MAX_VALUE : length(info);
                for (long i = 0; i < count; i++) {
                    Object key = item(depth + 1);
                    if (key == BREAK) {
                        break;
                    }
                    map.put(String.valueOf(key), item(depth + 1));
                }
                return map;
            }
            case 6:
                argument(info); // tag number: the tagged item follows
                return item(depth + 1);
            default:
                return simple(info);
        }
    }

    private Object simple(int info) {
        switch (info) {
            case 20: return Boolean.FALSE;
            case 21: return Boolean.TRUE;
            case 22:
            case 23: return null;
            case 25: {
                // IEEE 754 half precision: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
                int half = (int) readUnsigned(2);
                int exponent = (half >>> 10) & 0x1F;
                int fraction = half & 0x3FF;
                double magnitude = exponent == 0 ? fraction * Math.pow(2, -24)
                        : exponent == 31 ? (fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                        : (fraction + 1024) * Math.pow(2, exponent - 25);
                return (half & 0x8000) != 0 ? -magnitude : magnitude;
            }
            case 26: return Float.intBitsToFloat((int) readUnsigned(4));
            case 27: return Double.longBitsToDouble(readUnsigned(8));
            default:
                if (info < 24) {
                    return info;
                }
                if (info == 24) {
                    return readByte();
                }
                throw new IllegalArgumentException("invalid CBOR simple value " + info);
        }
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        switch (info) {
            case 24: return readUnsigned(1);
            case 25: return readUnsigned(2);
            case 26: return readUnsigned(4);
            case 27: return readUnsigned(8);
            default: throw new IllegalArgumentException("invalid CBOR argument " + info);
        }
    }

    /** A length that must fit in the remaining input. */
    private int length(int info) {
        long length = argument(info);
        if (length < 0 || length > data.length - pos) {
            throw new IllegalArgumentException("CBOR length " + length + " exceeds the remaining " + (data.length - pos) + " bytes");
        }
        return (int) length;
    }

    private long readUnsigned(int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | readByte();
        }
        return value;
    }

    private int readByte() {
        if (pos >= data.length) {
            throw new IllegalArgumentException("CBOR data ends early");
        }
        return data[pos++] & 0xFF;
    }
}
