package io.certana.identity.organization.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/organizations/{orgId}/members}. The owner role cannot be given. */
public record AddMemberRequest(
        @NotBlank @Email @Size(max = 255) String email,
        @NotNull @Pattern(regexp = "admin|member|viewer", message = "must be one of: admin, member, viewer") String role) {
}
