package io.certana.watermark;

import java.util.OptionalLong;

/**
 * Detection outcome of one track.
 *
 * @param status      whether the track found its payload
 * @param payload     the payload when detected: 64 bits on Tracks A and B, the model's payload
 *                    bits (32 for RivaGAN, in the low bits) on Track C
 * @param confidence  0..1: at 0.5 and above the payload passed its checksum, and the value then
 *                    grows with the decoder's margin; below 0.5 it reflects the synchronisation
 *                    evidence of a mark whose payload did not decode
 */
public record TrackDetection(Status status, OptionalLong payload, double confidence) {

    /** Detection status of a track. */
    public enum Status {
        DETECTED,
        NOT_DETECTED,
        /** Track C without a model folder. */
        NOT_CONFIGURED
    }

    public static TrackDetection notDetected(double confidence) {
        return new TrackDetection(Status.NOT_DETECTED, OptionalLong.empty(), confidence);
    }

    public static TrackDetection notConfigured() {
        return new TrackDetection(Status.NOT_CONFIGURED, OptionalLong.empty(), 0);
    }

    public boolean detected() {
        return status == Status.DETECTED;
    }
}
