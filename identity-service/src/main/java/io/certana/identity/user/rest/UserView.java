package io.certana.identity.user.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.certana.identity.user.User;

/**
 * A user as the API shows it. {@code organizations} is present on {@code GET /api/v1/users/me} only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(
        UUID id,
        String email,
        String fullName,
        @JsonProperty("isVerified") boolean isVerified,
        String tier,
        List<MembershipSummary> organizations) {

    /** One organization the user belongs to, with the user's role there. */
    public record MembershipSummary(UUID id, String name, String slug, String role) {
    }

    public static UserView of(User user) {
        return new UserView(user.id, user.email, user.fullName, user.verified, user.tier, null);
    }

    public static UserView of(User user, List<MembershipSummary> organizations) {
        return new UserView(user.id, user.email, user.fullName, user.verified, user.tier, organizations);
    }
}
