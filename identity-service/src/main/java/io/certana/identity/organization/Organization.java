package io.certana.identity.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A team that owns assets, members and API keys. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(nullable = false)
    public String name;

    /** Lower-case ASCII words joined by hyphens, unique across organizations. */
    @Column(nullable = false)
    public String slug;

    public String description;

    @Column(name = "logo_url")
    public String logoUrl;

    /** free, pro or enterprise. */
    @Column(nullable = false)
    public String plan;

    /**
     * Name of the organization's Ed25519 signing key, {@code org:<id>:signing:v<version>}.
     * asset-service creates the key under this name on first use.
     */
    @Column(name = "master_key_ref", nullable = false)
    public String masterKeyRef;

    @Column(name = "max_users", nullable = false)
    public int maxUsers;

    @Column(name = "max_assets", nullable = false)
    public int maxAssets;

    @Column(name = "max_verifications_per_day", nullable = false)
    public int maxVerificationsPerDay;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
