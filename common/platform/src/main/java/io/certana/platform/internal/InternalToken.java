package io.certana.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares internal tokens without leaking their content or length through timing. */
final class InternalToken {

    /** Header that carries the shared token on service-to-service calls. */
    static final String HEADER = "X-Internal-Token";

    private InternalToken() {
    }

    /**
     * Returns whether {@code presented} equals {@code expected}. Both are hashed first, so the
     * comparison always covers 32 bytes and its time does not depend on where they differ.
     */
    static boolean matches(String presented, String expected) {
        if (presented == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
