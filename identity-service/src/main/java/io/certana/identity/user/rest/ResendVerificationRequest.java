package io.certana.identity.user.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/resend-verification}. */
public record ResendVerificationRequest(@NotBlank @Email @Size(max = 255) String email) {
}
