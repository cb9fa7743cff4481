package io.certana.platform.auth;

import java.util.List;
import java.util.UUID;

/**
 * The state of an API key as identity-service reports it. An unknown, revoked or expired key is
 * {@linkplain #inactive() inactive}, with every other field null.
 *
 * @param active whether the key may be used now
 * @param keyId id of the key
 * @param organizationId organization the key belongs to
 * @param userId user who created the key
 * @param scopes granted scopes, in wire form ({@code read}, {@code write}, {@code verify}, {@code admin})
 * @param rateLimitPerHour requests allowed per hour, or null for the organization's default
 * @param rateLimitPerDay requests allowed per day, or null for the organization's default
 */
public record ApiKeyIntrospection(
        boolean active,
        UUID keyId,
        UUID organizationId,
        UUID userId,
        List<String> scopes,
        Integer rateLimitPerHour,
        Integer rateLimitPerDay) {

    public static ApiKeyIntrospection inactive() {
        return new ApiKeyIntrospection(false, null, null, null, null, null, null);
    }
}
