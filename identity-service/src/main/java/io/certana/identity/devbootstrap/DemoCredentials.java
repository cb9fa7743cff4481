package io.certana.identity.devbootstrap;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Content of the dev bootstrap's credentials file: how {@code bin/certana demo} logs in and calls
 * the services as the demo organization.
 */
@JsonPropertyOrder({ "email", "password", "userId", "organizationId", "organizationSlug", "apiKey", "apiKeyId" })
public record DemoCredentials(
        String email,
        String password,
        UUID userId,
        UUID organizationId,
        String organizationSlug,
        String apiKey,
        UUID apiKeyId) {

    @Override
    public String toString() {
        return "DemoCredentials[email=" + email + ", userId=" + userId + ", organizationId=" + organizationId
                + ", apiKeyId=" + apiKeyId + ", password=<redacted>, apiKey=<redacted>]";
    }
}
