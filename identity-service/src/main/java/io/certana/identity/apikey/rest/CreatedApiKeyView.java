package io.certana.identity.apikey.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.certana.identity.apikey.ApiKey;

/** Response of key creation: the only response that contains the key itself. */
public record CreatedApiKeyView(
        UUID id,
        String name,
        String key,
        String keyPrefix,
        List<String> scopes,
        Integer rateLimitPerHour,
        Integer rateLimitPerDay,
        Instant expiresAt,
        Instant createdAt) {

    public static CreatedApiKeyView of(ApiKey apiKey, String secret) {
        return new CreatedApiKeyView(apiKey.id, apiKey.name, secret, apiKey.keyPrefix, List.of(apiKey.scopes),
                apiKey.rateLimitPerHour, apiKey.rateLimitPerDay, apiKey.expiresAt, apiKey.createdAt);
    }

    @Override
    public String toString() {
        return "CreatedApiKeyView[id=" + id + ", keyPrefix=" + keyPrefix + ", key=<redacted>]";
    }
}
