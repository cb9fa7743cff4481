package io.certana.watermark;

import java.util.Map;
import java.util.Optional;

/**
 * Per-track detection outcome, with Track A's tamper map when Track A could be located.
 *
 * @param tracks     every track, including Track C as NOT_CONFIGURED when no model is set
 * @param tamperMap  present when Track B's synchronisation placed Track A's cells and a payload was
 *                   known (from Track A or B) to regenerate their expected bits
 */
public record DetectionResult(Map<Track, TrackDetection> tracks, Optional<TamperMap> tamperMap) {

    public TrackDetection track(Track track) {
        return tracks.get(track);
    }
}
