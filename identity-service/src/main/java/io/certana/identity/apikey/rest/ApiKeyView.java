package io.certana.identity.apikey.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.certana.identity.apikey.ApiKey;

/** An API key in listings: everything but the key itself, which is never shown again. */
public record ApiKeyView(
        UUID id,
        String name,
        String keyPrefix,
        List<String> scopes,
        Integer rateLimitPerHour,
        Integer rateLimitPerDay,
        @JsonProperty("isActive") boolean isActive,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        UUID createdBy,
        Instant createdAt) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.name, key.keyPrefix, List.of(key.scopes), key.rateLimitPerHour,
                key.rateLimitPerDay, key.active, key.expiresAt, key.lastUsedAt, key.revokedAt, key.userId,
                key.createdAt);
    }
}
