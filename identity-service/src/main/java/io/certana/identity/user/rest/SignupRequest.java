package io.certana.identity.user.rest;

import io.certana.identity.user.ValidPassword;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/signup}. */
public record SignupRequest(
        @NotBlank @Email @Size(max = 255) String email,
        @NotNull @ValidPassword String password,
        @NotBlank @Size(max = 255) String fullName) {

    @Override
    public String toString() {
        return "SignupRequest[email=" + email + ", fullName=" + fullName + ", password=<redacted>]";
    }
}
