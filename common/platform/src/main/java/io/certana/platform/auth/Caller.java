package io.certana.platform.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * The sender of the current request: a user with a JWT, or an API key. For a key, {@code userId} is
 * the user who created it and {@code email} is null.
 *
 * @param userId the user's id
 * @param email the user's email from the token's {@code upn} claim, null for API keys
 * @param apiKey the introspected key, null for JWT callers
 */
public record Caller(UUID userId, String email, ApiKeyIntrospection apiKey) {

    public boolean isApiKey() {
        return apiKey != null;
    }

    public Optional<UUID> apiKeyId() {
        return isApiKey() ? Optional.of(apiKey.keyId()) : Optional.empty();
    }
}
