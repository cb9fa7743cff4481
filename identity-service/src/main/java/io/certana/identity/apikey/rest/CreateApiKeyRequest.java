package io.certana.identity.apikey.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/organizations/{orgId}/api-keys}. Without {@code scopes} the key gets
 * read and verify; without rate limits the organization's defaults apply; without
 * {@code expiresAt} it does not expire.
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 255) String name,
        @Size(min = 1, max = 4) List<@NotNull String> scopes,
        @Positive Integer rateLimitPerHour,
        @Positive Integer rateLimitPerDay,
        @Future Instant expiresAt) {
}
