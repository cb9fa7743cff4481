package io.certana.provenance.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 (RFC 8032) key generation, signing and verification on the JDK's own provider, with
 * the standard encodings: public keys as X.509 SubjectPublicKeyInfo (PEM "PUBLIC KEY", the form
 * {@code openssl pkeyutl -verify -pubin -rawin} reads) and private keys as PKCS #8.
 */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {
    }

    /** Generates a fresh key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** Signs a message; Ed25519 hashes the message itself, so pass the exact signed bytes. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Verifies a signature; a malformed signature or key counts as invalid, never as an error. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Encodes a public key as a PEM "PUBLIC KEY" block (SubjectPublicKeyInfo). */
    public static String toPem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * Decodes a PEM "PUBLIC KEY" block holding an Ed25519 SubjectPublicKeyInfo.
     *
     * @throws IllegalArgumentException when the text is not such a block
     */
    public static PublicKey publicKeyFromPem(String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return publicKeyFromSpki(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid PEM public key: " + e.getMessage(), e);
        }
    }

    /** Decodes an Ed25519 public key from its DER SubjectPublicKeyInfo. */
    public static PublicKey publicKeyFromSpki(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo", e);
        }
    }

    /** Decodes an Ed25519 private key from its DER PKCS #8 encoding. */
    public static PrivateKey privateKeyFromPkcs8(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS #8 private key", e);
        }
    }
}
