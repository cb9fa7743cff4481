package io.certana.identity.apikey.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.certana.identity.config.IdentityConfig;
import io.certana.identity.security.SecureTokens;
import io.certana.platform.auth.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Generates API keys and computes the HMAC under which they are stored.
 *
 * <p>A key is {@code cert_pk_} followed by 32 random bytes in unpadded base64url (43 characters).
 * It is stored as HMAC-SHA-256(pepper, key). The key carries 256 bits of entropy, so a fast keyed
 * hash resists guessing as well as bcrypt would, without bcrypt's CPU cost on every request. A
 * leaked table is useless without the pepper, which is kept outside the database.
 */
@ApplicationScoped
public class ApiKeySecrets {

    /** Random bytes after the prefix: 256 bits. */
    static final int KEY_BYTES = 32;

    /** Characters kept as the displayed prefix: {@code cert_pk_} and 8 more. */
    static final int DISPLAY_PREFIX_LENGTH = ApiKeys.PREFIX.length() + 8;

    /** Shortest pepper accepted, in characters. */
    static final int MIN_PEPPER_LENGTH = 32;

    private final SecretKeySpec pepper;

    public ApiKeySecrets(IdentityConfig config) {
        String value = config.apiKeys().pepper();
        if (value.length() < MIN_PEPPER_LENGTH) {
            throw new IllegalStateException("certana.identity.api-keys.pepper must be at least " + MIN_PEPPER_LENGTH
                    + " characters long; generate one with: openssl rand -base64 48");
        }
        this.pepper = new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Returns a new random API key. */
    public String newKey() {
        return ApiKeys.PREFIX + SecureTokens.randomBase64Url(KEY_BYTES);
    }

    /** Returns the part of a key shown in listings. */
    public String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, key.length()));
    }

    /** Returns HMAC-SHA-256(pepper, key) as lower-case hex. */
    public String hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
