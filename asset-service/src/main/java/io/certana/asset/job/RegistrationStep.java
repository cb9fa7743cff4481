package io.certana.asset.job;

import java.util.Locale;

/**
 * The steps of a registration, in order. Each step records its result and advances the job to the
 * next step in one transaction, so a job that resumes after a crash starts at the first step whose
 * result is missing. Steps that write outside the database (the output blob) are idempotent: a
 * repeated run writes the same content under the same key.
 */
public enum RegistrationStep {
    /** Read EXIF, TIFF and C2PA metadata of the original into the asset row. */
    METADATA,
    /** Draw the 64-bit watermark payload, unique across the platform, and persist it. */
    PAYLOAD,
    /** Decode the original, embed the watermark tracks, encode and store the output. */
    WATERMARK,
    /** Decode the stored output, detect the watermark in it, compute PDQ and embeddings. */
    FINGERPRINT,
    /** Record near-duplicates among the other assets, both ways. */
    MATCH,
    /** Sign the commitment and mark the asset completed. */
    COMMIT,
    /** Nothing left to run. */
    DONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RegistrationStep parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public RegistrationStep next() {
        return this == DONE ? DONE : values()[ordinal() + 1];
    }
}
