package io.certana.imaging.metadata;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on the metadata JSON that {@link MetadataReader} produces.
 *
 * @param maxJsonBytes maximum size of each JSON object ({@code exif_metadata}, {@code tiff_metadata}),
 *        counted in UTF-8 bytes of keys and values; tags beyond it are left out and {@code "_truncated": true} is set
 * @param maxValueLength maximum characters of one string value; longer values are cut and end in "…"
 * @param timeLimit wall-clock limit for parsing all metadata of one file
 */
public record MetadataLimits(int maxJsonBytes, int maxValueLength, Duration timeLimit) {

    public MetadataLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxJsonBytes < 256) {
            throw new IllegalArgumentException("maxJsonBytes must be at least 256, was " + maxJsonBytes);
        }
        if (maxValueLength < 16) {
            throw new IllegalArgumentException("maxValueLength must be at least 16, was " + maxValueLength);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
    }

    /** 64 KiB per object, 1024 characters per value, 5 seconds. */
    public static MetadataLimits defaults() {
        return new MetadataLimits(64 * 1024, 1024, Duration.ofSeconds(5));
    }
}
