package io.certana.identity.organization.rest;

import io.certana.identity.organization.service.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/organizations}; the slug is derived from the name when absent. */
public record CreateOrganizationRequest(
        @NotBlank @Size(max = 255) String name,
        @Size(min = 2, max = 63) @Pattern(regexp = Slugs.PATTERN,
                message = "must be lower-case letters and digits joined by single hyphens") String slug,
        @Size(max = 2000) String description) {
}
