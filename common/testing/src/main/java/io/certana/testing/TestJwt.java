package io.certana.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Mints access tokens like identity-service's, signed with the test-only key pair in
 * {@code certana-test-keys/}. Services under test verify them when their {@code %test} profile sets
 * {@code mp.jwt.verify.publickey.location=}{@value #PUBLIC_KEY_LOCATION} and
 * {@code mp.jwt.verify.issuer=}{@value #ISSUER}.
 */
public final class TestJwt {

    /** Classpath location of the test public key, for {@code mp.jwt.verify.publickey.location}. */
    public static final String PUBLIC_KEY_LOCATION = "certana-test-keys/public.pem";

    /** Classpath location of the test private key. */
    public static final String PRIVATE_KEY_LOCATION = "certana-test-keys/private.pem";

    /** Issuer of Certana access tokens. */
    public static final String ISSUER = "certana";

    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private TestJwt() {
    }

    /** Returns a valid 15-minute access token for the user. */
    public static String forUser(UUID userId, String email) {
        return sign(userId, email, Instant.now(), LIFETIME, privateKey());
    }

    /** Returns a token for the user that expired a minute ago. */
    public static String expiredForUser(UUID userId, String email) {
        return sign(userId, email, Instant.now().minus(Duration.ofMinutes(16)), LIFETIME, privateKey());
    }

    /** Returns a token with valid claims signed by a fresh key that no service trusts. */
    public static String signedByUnknownKey(UUID userId, String email) {
        try {
            KeyPair other = KeyUtils.generateKeyPair(2048);
            return sign(userId, email, Instant.now(), LIFETIME, other.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate an RSA key pair", e);
        }
    }

    /** Returns the test private key, for tests that sign tokens with claims of their own. */
    public static PrivateKey privateKey() {
        try {
            return KeyUtils.readPrivateKey(PRIVATE_KEY_LOCATION);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the test key " + PRIVATE_KEY_LOCATION
                    + " from the classpath; is certana-testing a test dependency?", e);
        }
    }

    private static String sign(UUID userId, String email, Instant issuedAt, Duration lifetime, PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .subject(userId.toString())
                .upn(email)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .sign(key);
    }
}
