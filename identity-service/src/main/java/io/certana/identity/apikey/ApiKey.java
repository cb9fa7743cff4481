package io.certana.identity.apikey;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An API key of an organization. Only an HMAC of the key is stored; the key itself is shown once,
 * when it is created.
 */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    /** The user who created the key. */
    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** The key's first characters, shown in listings so a user can tell keys apart. */
    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    /** HMAC-SHA-256 of the full key with the server-side pepper, hex. */
    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(nullable = false)
    public String name;

    /** Granted scopes in wire form: read, write, verify, admin. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] scopes;

    @Column(name = "rate_limit_per_hour")
    public Integer rateLimitPerHour;

    @Column(name = "rate_limit_per_day")
    public Integer rateLimitPerDay;

    /** False once revoked. */
    @Column(name = "is_active", nullable = false)
    public boolean active = true;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Last use, written in batches, so it may lag behind by the flush interval. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Returns whether the key may authenticate requests at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return active && (expiresAt == null || expiresAt.isAfter(now));
    }
}
