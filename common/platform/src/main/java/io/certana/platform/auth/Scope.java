package io.certana.platform.auth;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A permission of an API key or of an organization role, written in lower case on the wire. */
public enum Scope {
    /** Read the organization's resources. */
    READ,
    /** Create, change and delete the organization's resources. */
    WRITE,
    /** Submit images for verification. */
    VERIFY,
    /** Manage the organization: members, API keys, settings. */
    ADMIN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name such as {@code read}, or returns empty for an unknown name. */
    public static Optional<Scope> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Scope scope : values()) {
            if (scope.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static Scope fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown scope"));
    }
}
