package io.certana.asset.commitment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organization's Ed25519 commitment signing key, named by the reference identity-service keeps
 * for the organization ({@code org:<organizationId>:signing:v<n>}). The private key is stored only
 * wrapped under the master key, with the reference as associated data.
 */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "key_ref", nullable = false)
    public String keyRef;

    @Column(nullable = false)
    public String algorithm;

    /** X.509 SubjectPublicKeyInfo, DER. */
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    /** PKCS #8 private key wrapped by {@link io.certana.provenance.signing.KeyWrapper}. */
    @Column(name = "wrapped_private_key", nullable = false)
    public byte[] wrappedPrivateKey;

    @Column(name = "master_key_id", nullable = false)
    public String masterKeyId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
