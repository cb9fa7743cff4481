package io.certana.imaging.decode;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that {@link ImageDecoder} enforces on every upload. The pixel budget is checked against
 * the dimensions in the header before any pixel memory is allocated.
 *
 * @param maxPixels maximum width × height of the (first) image, in pixels
 * @param maxBytes maximum size of the encoded file, in bytes
 * @param timeLimit wall-clock limit for reading headers, walking frames or directories and decoding
 */
public record DecodeLimits(long maxPixels, long maxBytes, Duration timeLimit) {

    /** 50 megapixels: a 8660 × 5773 photo. Decoded as 32-bit pixels this takes 200 MB. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /** 100 MiB of encoded data. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    /** 10 seconds for one decode. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    public DecodeLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
    }

    /** Returns the defaults: 50 megapixels, 100 MiB, 10 seconds. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_BYTES, DEFAULT_TIME_LIMIT);
    }

    public DecodeLimits withMaxPixels(long value) {
        return new DecodeLimits(value, maxBytes, timeLimit);
    }

    public DecodeLimits withMaxBytes(long value) {
        return new DecodeLimits(maxPixels, value, timeLimit);
    }

    public DecodeLimits withTimeLimit(Duration value) {
        return new DecodeLimits(maxPixels, maxBytes, value);
    }
}
