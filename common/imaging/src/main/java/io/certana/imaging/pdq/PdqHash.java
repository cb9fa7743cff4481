package io.certana.imaging.pdq;

import java.util.Objects;

/**
 * A PDQ hash with its quality score.
 *
 * @param hash the 256-bit hash
 * @param quality 0..100, from the gradient sum of the 64 × 64 image; Meta's matchers discard
 *        hashes with quality below 50 because flat images give unstable bits
 */
public record PdqHash(Hash256 hash, int quality) {

    public PdqHash {
        Objects.requireNonNull(hash, "hash");
    }
}
