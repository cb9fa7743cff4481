package io.certana.platform.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /internal/v1/api-keys/introspect}. */
public record IntrospectionRequest(@NotBlank @Size(max = 256) String key) {

    @Override
    public String toString() {
        // Keeps the key out of logs and exception messages.
        return "IntrospectionRequest[key=<redacted>]";
    }
}
