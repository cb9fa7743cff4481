package io.certana.platform.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A user's role in an organization. Each role grants a fixed set of scopes, so a request made with
 * a user token is checked the same way as one made with an API key.
 */
public enum Role {
    OWNER(EnumSet.allOf(Scope.class)),
    ADMIN(EnumSet.allOf(Scope.class)),
    MEMBER(EnumSet.of(Scope.READ, Scope.WRITE, Scope.VERIFY)),
    VIEWER(EnumSet.of(Scope.READ, Scope.VERIFY));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    /** Returns the scopes this role grants. */
    public Set<Scope> scopes() {
        return scopes;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name such as {@code admin}, or returns empty for an unknown name. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static Role fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown role"));
    }
}
