package io.certana.watermark;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Detection outcome of one track.
 *
 * @param status      whether the track found its payload
 * @param payload     the payload as a number when detected: the 64-bit asset payload on Tracks A
 *                    and B, and on Track C with a model wider than 64 bits (recovered through its
 *                    keyed check); the model's bits (32 for RivaGAN, in the low bits) on Track C
 *                    with a model of at most 64 bits
 * @param confidence  0..1: at 0.5 and above the payload passed its check, and the value then grows
 *                    with the decoder's margin; below 0.5 it reflects the evidence of a mark whose
 *                    payload did not decode
 * @param bits        when detected, the bits the track carries at their exact length: the 64
 *                    payload bits on Tracks A and B, the model's raw output bits on Track C
 */
public record TrackDetection(Status status, OptionalLong payload, double confidence, Optional<BitString> bits) {

    /** Detection status of a track. */
    public enum Status {
        DETECTED,
        NOT_DETECTED,
        /** Track C without a model folder. */
        NOT_CONFIGURED
    }

    public TrackDetection {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(bits, "bits");
    }

    /** A detection whose bits are the 64-bit payload itself (Tracks A and B). */
    public TrackDetection(Status status, OptionalLong payload, double confidence) {
        this(status, payload, confidence, payload.isPresent()
                ? Optional.of(BitString.fromLong(payload.getAsLong(), Long.SIZE))
                : Optional.empty());
    }

    public static TrackDetection notDetected(double confidence) {
        return new TrackDetection(Status.NOT_DETECTED, OptionalLong.empty(), confidence, Optional.empty());
    }

    public static TrackDetection notConfigured() {
        return new TrackDetection(Status.NOT_CONFIGURED, OptionalLong.empty(), 0, Optional.empty());
    }

    public boolean detected() {
        return status == Status.DETECTED;
    }
}
