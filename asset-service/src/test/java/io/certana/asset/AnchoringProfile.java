package io.certana.asset;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Anchoring with the local backend and small batches, so a few commitments fill several batches.
 * The batcher and the tracker stay off (as in every test profile); the tests run them step by step.
 */
public class AnchoringProfile implements QuarkusTestProfile {

    /** Largest batch in this profile. */
    static final int MAX_BATCH_SIZE = 7;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "certana.asset.anchoring.max-batch-size", String.valueOf(MAX_BATCH_SIZE),
                "certana.asset.anchoring.batch-interval", "1H");
    }
}
