package io.certana.asset.anchor.local;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.UUID;

import io.certana.asset.commitment.SigningKeys;
import io.certana.asset.config.AnchoringConfig;
import io.certana.provenance.signing.Ed25519Keys;
import io.certana.provenance.signing.KeyWrapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The transparency log's Ed25519 key, which signs its tree heads. It is generated on first use
 * under {@code certana.asset.anchoring.local.key-ref} and stored wrapped with AES-256-GCM under the
 * same master key as the organizations' signing keys, bound to its reference. It is never logged.
 */
@ApplicationScoped
public class LogKey {

    /**
     * The log key in use.
     *
     * @param id row id, stored with each tree head it signs
     */
    public record Loaded(UUID id, String keyRef, PublicKey publicKey, PrivateKey privateKey) {
    }

    private final TransparencyLogRepository repository;
    private final KeyWrapper wrapper;
    private final String keyRef;
    private volatile Loaded loaded;

    public LogKey(TransparencyLogRepository repository, SigningKeys signingKeys, AnchoringConfig config) {
        this.repository = repository;
        this.wrapper = signingKeys.keyWrapper();
        this.keyRef = config.local().keyRef();
    }

    /**
     * Returns the key, creating it on first use, in the caller's transaction.
     *
     * @throws IllegalStateException when the stored key was wrapped under another master key or does
     *     not authenticate
     */
    public Loaded current() {
        Loaded key = loaded;
        if (key == null) {
            TransparencyLogRepository.StoredKey stored = repository.findKey(keyRef).orElseGet(this::create);
            key = unwrap(stored);
            loaded = key;
        }
        return key;
    }

    /** The public half of a log key, to show beside the tree heads it signed. */
    public record PublicPart(String keyRef, PublicKey publicKey) {
    }

    /** Returns the public half of the key with this id, current or earlier. */
    public PublicPart publicPart(UUID keyId) {
        Loaded key = loaded;
        if (key != null && key.id().equals(keyId)) {
            return new PublicPart(key.keyRef(), key.publicKey());
        }
        return repository.findKey(keyId)
                .map(stored -> new PublicPart(stored.keyRef(), Ed25519Keys.publicKeyFromSpki(stored.publicKey())))
                .orElseThrow(() -> new IllegalStateException("transparency log key " + keyId + " is missing"));
    }

    private TransparencyLogRepository.StoredKey create() {
        KeyPair pair = Ed25519Keys.generate();
        UUID id = UUID.randomUUID();
        repository.insertKeyIfAbsent(new TransparencyLogRepository.StoredKey(id, keyRef, pair.getPublic().getEncoded(),
                wrapper.wrap(pair.getPrivate().getEncoded(), keyRef), wrapper.masterKeyId()));
        TransparencyLogRepository.StoredKey stored = repository.findKey(keyRef).orElseThrow();
        if (stored.id().equals(id)) {
            Log.infof("Created transparency log key %s", keyRef);
        }
        return stored;
    }

    private Loaded unwrap(TransparencyLogRepository.StoredKey stored) {
        if (!stored.masterKeyId().equals(wrapper.masterKeyId())) {
            throw new IllegalStateException("transparency log key " + stored.keyRef() + " is wrapped under master key "
                    + stored.masterKeyId() + ", but the configured master key is " + wrapper.masterKeyId());
        }
        try {
            return new Loaded(stored.id(), stored.keyRef(), Ed25519Keys.publicKeyFromSpki(stored.publicKey()),
                    Ed25519Keys.privateKeyFromPkcs8(wrapper.unwrap(stored.wrappedPrivateKey(), stored.keyRef())));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("transparency log key " + stored.keyRef()
                    + " does not unwrap under master key " + wrapper.masterKeyId(), e);
        }
    }
}
