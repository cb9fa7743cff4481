package io.certana.verification.verdict;

import java.util.List;

/**
 * The findings of the analysis of the submitted image, as the verdict rules read them.
 *
 * @param watermarkDetected whether Track B or Track A returned a payload that passed its CRC
 * @param watermarkConfidence the confidence of that detection, 0.5..1 when detected
 * @param pdqQuality quality of the suspect's PDQ hash, 0..100
 * @param tamper Track A's tamper map as the rules read it
 * @param trackADecoded whether Track A decoded, from its own cells, the payload the watermark names
 */
public record SuspectFacts(boolean watermarkDetected, double watermarkConfidence, int pdqQuality, Tamper tamper,
        boolean trackADecoded) {

    /** Findings where Track A did not decode a payload of its own. */
    public SuspectFacts(boolean watermarkDetected, double watermarkConfidence, int pdqQuality, Tamper tamper) {
        this(watermarkDetected, watermarkConfidence, pdqQuality, tamper, false);
    }

    /**
     * Track A's tamper map.
     *
     * @param mapAvailable whether Track A's cells could be placed (only when the watermark synchronised)
     * @param globalChange whether most blocks disagree, as after a brightness or contrast change
     * @param regions tampered regions in the submitted image's pixels, largest first
     * @param scoredBlocks blocks of the map that hold Track A cells
     * @param tamperedBlocks scored blocks at or above the map's threshold, inside regions or not
     */
    public record Tamper(boolean mapAvailable, boolean globalChange, List<Region> regions, int scoredBlocks,
            int tamperedBlocks) {

        public Tamper {
            regions = List.copyOf(regions);
        }

        public static Tamper unavailable() {
            return new Tamper(false, false, List.of(), 0, 0);
        }
    }

    /**
     * A tampered area: bounding box in pixels of the submitted image, the tampered blocks inside, and
     * their mean disagreement (about 0.5 where the content is unrelated to the mark).
     */
    public record Region(int x, int y, int width, int height, int blocks, double meanScore) {
    }
}
