package io.certana.asset.anchor;

import java.util.Arrays;

/**
 * States of an anchor. A batch and its commitments follow their current anchor through pending,
 * confirmed and finalized; dropped and failed end an attempt, and the batch is anchored again.
 */
public enum AnchorState {
    /** Queued, submitted, or included with fewer confirmations than required. */
    PENDING("pending"),
    /** Included with the required confirmations. */
    CONFIRMED("confirmed"),
    /** Included in a block at or below the finalized head (local: covered by a signed tree head). */
    FINALIZED("finalized"),
    /** Lost: no receipt within the drop timeout, or removed from the chain by a reorganisation. */
    DROPPED("dropped"),
    /** Included but reverted by the chain. */
    FAILED("failed");

    private final String wireName;

    AnchorState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Returns whether this attempt ended and the batch needs a new one. */
    public boolean ended() {
        return this == DROPPED || this == FAILED;
    }

    public static AnchorState parse(String wireName) {
        return Arrays.stream(values()).filter(state -> state.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown anchor state '" + wireName + "'"));
    }
}
