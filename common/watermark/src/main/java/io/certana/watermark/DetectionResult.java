package io.certana.watermark;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-track detection outcome, with Track A's tamper map when Track A could be located.
 *
 * @param tracks     every track, including Track C as NOT_CONFIGURED when no model is set
 * @param tamperMap  present when Track B's synchronisation placed Track A's cells and a payload was
 *                   known (from Track A or B) to regenerate their expected bits
 * @param evidence   the detectors' raw statistics, for calibration and false-positive measurements
 */
public record DetectionResult(Map<Track, TrackDetection> tracks, Optional<TamperMap> tamperMap, Evidence evidence) {

    /**
     * Raw detector statistics behind the decisions.
     *
     * @param trackBSyncZ            best sync z-score among the Track B hypotheses decoded
     * @param trackBSearchZ          coarse sync z-score that let Track B's searches decode the
     *                               payload, or when none did their highest; NaN when no search ran
     * @param trackBDecodes          Track B decode attempts made
     * @param trackBCodeAgreement    highest share of code bits agreeing with the most likely list
     *                               candidate over Track B's decodes (about 0.5 to 0.6 on noise)
     * @param trackACodeAgreement    the same for Track A's single decode; NaN when Track A did not run
     * @param trackCMargin           Track C's mean |output − decision value|; NaN when not configured
     */
    public record Evidence(double trackBSyncZ, double trackBSearchZ, int trackBDecodes, double trackBCodeAgreement,
                           double trackACodeAgreement, double trackCMargin) {
    }

    public DetectionResult {
        Objects.requireNonNull(tracks, "tracks");
        Objects.requireNonNull(tamperMap, "tamperMap");
        Objects.requireNonNull(evidence, "evidence");
    }

    public TrackDetection track(Track track) {
        return tracks.get(track);
    }
}
