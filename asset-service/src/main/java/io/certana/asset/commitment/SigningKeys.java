package io.certana.asset.commitment;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import io.certana.asset.config.AssetConfig;
import io.certana.provenance.signing.Ed25519Keys;
import io.certana.provenance.signing.KeyWrapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The organizations' Ed25519 signing keys. A key is generated the first time an organization
 * signs, under the reference identity-service assigns it; its private half is stored wrapped with
 * AES-256-GCM under the master key ({@code certana.asset.signing.master-key}), bound to the
 * reference. Neither the master key nor a private key is ever logged.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private final SigningKeyRepository keys;
    private final KeyWrapper wrapper;

    public SigningKeys(SigningKeyRepository keys, AssetConfig config) {
        this.keys = keys;
        this.wrapper = new KeyWrapper(config.signing().masterKeyId(), masterKey(config.signing().masterKey()));
    }

    /**
     * Returns the organization's key under {@code keyRef}, creating it on first use. Runs in the
     * caller's transaction. Concurrent first uses insert at most one row (unique index on key_ref);
     * every caller then reads that row.
     *
     * @throws SigningKeyUnavailableException when the reference is stored for another organization
     */
    public SigningKey keyFor(UUID organizationId, String keyRef) {
        SigningKey key = keys.findByRef(keyRef).orElseGet(() -> create(organizationId, keyRef));
        if (!key.organizationId.equals(organizationId)) {
            throw new SigningKeyUnavailableException("signing key " + keyRef + " belongs to organization " + key.organizationId
                    + ", not " + organizationId);
        }
        return key;
    }

    /** Returns the wrapper under the configured master key, for other keys the service keeps (the transparency log's). */
    public KeyWrapper keyWrapper() {
        return wrapper;
    }

    /**
     * Unwraps a key's private half.
     *
     * @throws SigningKeyUnavailableException when the key was wrapped under another master key, or
     *     its wrapped bytes do not authenticate
     */
    public PrivateKey privateKey(SigningKey key) {
        if (!key.masterKeyId.equals(wrapper.masterKeyId())) {
            throw new SigningKeyUnavailableException("signing key " + key.keyRef + " is wrapped under master key "
                    + key.masterKeyId + ", but the configured master key is " + wrapper.masterKeyId());
        }
        try {
            return Ed25519Keys.privateKeyFromPkcs8(wrapper.unwrap(key.wrappedPrivateKey, key.keyRef));
        } catch (IllegalArgumentException e) {
            throw new SigningKeyUnavailableException("signing key " + key.keyRef + " does not unwrap under master key "
                    + wrapper.masterKeyId(), e);
        }
    }

    private SigningKey create(UUID organizationId, String keyRef) {
        KeyPair pair = Ed25519Keys.generate();
        SigningKey key = new SigningKey();
        key.id = UUID.randomUUID();
        key.organizationId = organizationId;
        key.keyRef = keyRef;
        key.algorithm = "Ed25519";
        key.publicKey = pair.getPublic().getEncoded();
        key.wrappedPrivateKey = wrapper.wrap(pair.getPrivate().getEncoded(), keyRef);
        key.masterKeyId = wrapper.masterKeyId();
        key.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        keys.insertIfAbsent(key);
        SigningKey stored = keys.findByRef(keyRef).orElseThrow();
        if (stored.id.equals(key.id)) {
            Log.infof("Created signing key %s for organization %s", keyRef, organizationId);
        }
        return stored;
    }

    private static byte[] masterKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("certana.asset.signing.master-key is not valid base64");
        }
        if (key.length != KeyWrapper.MASTER_KEY_BYTES) {
            throw new IllegalStateException("certana.asset.signing.master-key must decode to "
                    + KeyWrapper.MASTER_KEY_BYTES + " bytes, got " + key.length);
        }
        return key;
    }
}
