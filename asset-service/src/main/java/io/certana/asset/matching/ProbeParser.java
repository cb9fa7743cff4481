package io.certana.asset.matching;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.imaging.pdq.Hash256;
import io.certana.platform.problem.ProblemException;

/** Checks and converts the probes of a match request; every problem names the field. */
final class ProbeParser {

    /** Upper bounds that keep one request cheap. */
    static final int MAX_PAYLOADS = 16;
    static final int MAX_PDQ_HASHES = 8;
    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 10;
    static final int CLIP_DIMENSIONS = 768;
    static final int DINO_DIMENSIONS = 1024;
    /** Longest Track C value accepted, in hex digits (the watermark module allows 256-bit models). */
    static final int MAX_TRACK_C_HEX = 64;

    private ProbeParser() {
    }

    static String contentHash(String value) {
        if (value == null) {
            return null;
        }
        String hash = value.trim().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw ProblemException.invalidField("contentHash", "must be a SHA-256 digest: 64 hex digits");
        }
        return hash;
    }

    static List<Long> watermarkPayloads(List<String> values) {
        List<Long> payloads = new ArrayList<>();
        if (values == null) {
            return payloads;
        }
        checkCount("watermarkPayloads", values.size(), MAX_PAYLOADS);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null ? "" : values.get(i).trim();
            if (!value.matches("[0-9a-fA-F]{16}")) {
                throw ProblemException.invalidField("watermarkPayloads[" + i + "]", "must be 16 hex digits");
            }
            payloads.add(HexFormat.fromHexDigitsToLong(value));
        }
        return payloads;
    }

    /** Converts Track C values to their stored form: the bits right-aligned in whole bytes. */
    static List<byte[]> trackCPayloads(List<JsonNode> values) {
        List<byte[]> payloads = new ArrayList<>();
        if (values == null) {
            return payloads;
        }
        checkCount("trackCPayloads", values.size(), MAX_PAYLOADS);
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String field = "trackCPayloads[" + i + "]";
            if (value != null && value.isIntegralNumber()) {
                BigInteger number = value.bigIntegerValue();
                if (number.signum() < 0 || number.bitLength() > 32) {
                    throw ProblemException.invalidField(field, "as a number must be a 32-bit value, 0 to 4294967295");
                }
                payloads.add(HexFormat.of().parseHex(String.format("%08x", number.longValue())));
            } else if (value != null && value.isTextual() && value.asText().trim().matches("[0-9a-fA-F]{1,64}")) {
                String hex = value.asText().trim().toLowerCase(Locale.ROOT);
                payloads.add(HexFormat.of().parseHex(hex.length() % 2 == 1 ? "0" + hex : hex));
            } else {
                throw ProblemException.invalidField(field, "must be hex digits (at most " + MAX_TRACK_C_HEX
                        + ") or a 32-bit number");
            }
        }
        return payloads;
    }

    static List<Hash256> pdqHashes(List<String> values) {
        List<Hash256> hashes = new ArrayList<>();
        if (values == null) {
            return hashes;
        }
        checkCount("pdqHashes", values.size(), MAX_PDQ_HASHES);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null ? "" : values.get(i).trim();
            if (!value.matches("[0-9a-fA-F]{64}")) {
                throw ProblemException.invalidField("pdqHashes[" + i + "]", "must be a PDQ hash: 64 hex digits");
            }
            hashes.add(Hash256.fromHex(value.toLowerCase(Locale.ROOT)));
        }
        return hashes;
    }

    static float[] embedding(String field, float[] values, int dimensions) {
        if (values == null) {
            return null;
        }
        if (values.length != dimensions) {
            throw ProblemException.invalidField(field, "must have " + dimensions + " values, got " + values.length);
        }
        double norm = 0;
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw ProblemException.invalidField(field, "must contain finite numbers only");
            }
            norm += (double) value * value;
        }
        if (norm == 0) {
            throw ProblemException.invalidField(field, "must not be all zeros");
        }
        return values;
    }

    static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    private static void checkCount(String field, int count, int max) {
        if (count > max) {
            throw ProblemException.invalidField(field, "must have at most " + max + " entries");
        }
    }
}
