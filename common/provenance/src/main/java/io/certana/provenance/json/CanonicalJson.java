package io.certana.provenance.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Serializer for the JSON Canonicalization Scheme (JCS), RFC 8785.
 *
 * <p>JCS output has no insignificant whitespace, object members sorted by the UTF-16 code units
 * of their names, strings escaped exactly as ECMAScript's {@code JSON.stringify} does, and numbers
 * in ECMAScript's shortest form. Two parties that hold the same JSON value therefore hash the same
 * bytes, which is what a signed commitment needs.
 *
 * <p>NOTE: numbers are limited to integers of magnitude at most 2^53 − 1, where the ECMAScript
 * form is the plain decimal digits. Commitments carry identifiers, hashes and timestamps as
 * strings, so a fractional or larger number is rejected instead of being formatted approximately.
 */
public final class CanonicalJson {

    /** Largest integer that an IEEE 754 double represents exactly, 2^53 − 1. */
    private static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private CanonicalJson() {
    }

    /**
     * Serializes a JSON value in canonical form.
     *
     * @return the UTF-8 bytes of the canonical serialization
     * @throws IllegalArgumentException for a value JCS cannot represent exactly: a lone UTF-16
     *     surrogate in a string or name, or a number outside the supported integer range
     */
    public static byte[] serialize(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Serializes a JSON value in canonical form and returns it as a string. */
    public static String serializeToString(JsonNode value) {
        return new String(serialize(value), StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException(
                    "JSON node type " + node.getNodeType() + " has no canonical form");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        // RFC 8785 section 3.2.3: sort by the names' UTF-16 code units, which is exactly the
        // order of String.compareTo. Names are compared unescaped.
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        fields.forEachRemaining(members::add);
        members.sort(Map.Entry.comparingByKey());

        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean pairStart = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!pairStart) {
                    throw new IllegalArgumentException("lone UTF-16 surrogate at index " + i + " of a JSON string");
                }
                out.append(c).append(value.charAt(++i));
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        // Other control characters use a lowercase six-character escape.
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        BigInteger integer;
        if (node.isIntegralNumber()) {
            integer = node.bigIntegerValue();
        } else {
            BigDecimal decimal = node.decimalValue();
            try {
                integer = decimal.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("canonical JSON here supports integers only, got " + decimal, e);
            }
        }
        if (integer.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
            throw new IllegalArgumentException("integer " + integer + " exceeds 2^53 - 1 and has no exact canonical form");
        }
        // BigInteger has no negative zero, so -0.0 is written as 0, as ECMAScript does.
        out.append(integer);
    }
}
