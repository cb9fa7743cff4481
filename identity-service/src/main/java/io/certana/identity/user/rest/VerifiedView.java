package io.certana.identity.user.rest;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Response of {@code POST /api/v1/auth/verify-email}. */
public record VerifiedView(UUID id, String email, @JsonProperty("isVerified") boolean isVerified) {
}
