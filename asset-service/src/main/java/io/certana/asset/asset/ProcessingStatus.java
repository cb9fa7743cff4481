package io.certana.asset.asset;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an asset's registration stands: pending → processing → completed or failed. */
public enum ProcessingStatus {
    /** Uploaded and queued; no worker has started on it yet. */
    PENDING,
    /** A worker is running (or will resume) its registration steps. */
    PROCESSING,
    /** Watermarked, fingerprinted and committed. */
    COMPLETED,
    /** Stopped with an error that retrying does not fix; {@code processingError} says which. */
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name such as {@code completed}, or returns empty for an unknown name. */
    public static Optional<ProcessingStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ProcessingStatus status : values()) {
            if (status.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
