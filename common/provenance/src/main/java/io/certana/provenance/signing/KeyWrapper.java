package io.certana.provenance.signing;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Encrypts signing keys at rest under a master key (envelope encryption) with AES-256-GCM.
 *
 * <p>Layout of a wrapped key: one format byte ({@value #FORMAT_V1}), a 12-byte random nonce, then
 * the ciphertext with its 16-byte GCM tag. The key's reference (for example
 * {@code org:<id>:signing:v1}) is the additional authenticated data, so a wrapped key copied into
 * another organization's row fails to unwrap instead of signing for the wrong organization.
 */
public final class KeyWrapper {

    /** Length of an AES-256 master key, in bytes. */
    public static final int MASTER_KEY_BYTES = 32;

    private static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String masterKeyId;
    private final SecretKeySpec masterKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param masterKeyId name of the master key, stored beside each wrapped key so that a rotation
     *     knows which master key to unwrap with
     * @param masterKey 32 random bytes
     */
    public KeyWrapper(String masterKeyId, byte[] masterKey) {
        if (masterKey == null || masterKey.length != MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + MASTER_KEY_BYTES + " bytes, got "
                    + (masterKey == null ? "none" : masterKey.length));
        }
        this.masterKeyId = masterKeyId;
        this.masterKey = new SecretKeySpec(masterKey.clone(), "AES");
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    /** Encrypts key material, binding it to its reference. */
    public byte[] wrap(byte[] plaintextKey, String keyReference) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyReference.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintextKey);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT_V1).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts key material wrapped by {@link #wrap} under the same master key and reference.
     *
     * @throws IllegalArgumentException when the data is malformed, was wrapped under another
     *     master key or reference, or was altered
     */
    public byte[] unwrap(byte[] wrapped, String keyReference) {
        if (wrapped.length < 1 + NONCE_BYTES + TAG_BITS / 8 || wrapped[0] != FORMAT_V1) {
            throw new IllegalArgumentException("wrapped key has an unknown format or is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(wrapped, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(keyReference.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(wrapped, 1 + NONCE_BYTES, wrapped.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("wrapped key does not authenticate under master key "
                    + masterKeyId + " for reference " + keyReference, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
