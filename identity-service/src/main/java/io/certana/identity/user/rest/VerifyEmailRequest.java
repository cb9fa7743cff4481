package io.certana.identity.user.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/verify-email}: the token from the mailed link. */
public record VerifyEmailRequest(@NotBlank @Size(max = VerifyEmailRequest.MAX_TOKEN_LENGTH) String token) {

    /** Maximum token length in characters. Issued tokens have 43 (32 bytes in unpadded base64url). */
    public static final int MAX_TOKEN_LENGTH = 128;

    @Override
    public String toString() {
        return "VerifyEmailRequest[token=<redacted>]";
    }
}
