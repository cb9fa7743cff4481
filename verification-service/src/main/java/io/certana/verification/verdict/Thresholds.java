package io.certana.verification.verdict;

import io.certana.verification.config.VerificationConfig;

/**
 * The thresholds of the verdict rules; docs/verification.md gives the measurement behind each.
 *
 * @param watermarkPdqMaxDistance largest PDQ distance at which a copy with a valid watermark shows the registered picture
 * @param fingerprintPdqMaxDistance largest PDQ distance of a fingerprint match without a watermark
 * @param fingerprintIntactMaxDistance largest PDQ distance at which a fingerprint-only match counts as unedited
 * @param minPdqQuality smallest PDQ quality of the suspect image for its distances to count
 * @param tamperMinBlocks smallest Track A tamper region, in blocks, that counts as a local edit
 * @param tamperMaxBackground largest share of scored blocks tampered outside the large regions at which
 *     those regions count as local edits. Above it the map is too noisy to single out an edit.
 * @param clipMinSimilarity smallest CLIP cosine similarity reported as a similar image
 * @param dinoMinSimilarity smallest DINO cosine similarity reported as a similar image
 */
public record Thresholds(int watermarkPdqMaxDistance, int fingerprintPdqMaxDistance, int fingerprintIntactMaxDistance,
        int minPdqQuality, int tamperMinBlocks, double tamperMaxBackground, double clipMinSimilarity, double dinoMinSimilarity) {

    public Thresholds {
        if (fingerprintIntactMaxDistance < 0 || fingerprintIntactMaxDistance >= fingerprintPdqMaxDistance) {
            throw new IllegalArgumentException("fingerprint-intact-max-distance must be at least 0 and below "
                    + "fingerprint-pdq-max-distance (" + fingerprintPdqMaxDistance + "), got "
                    + fingerprintIntactMaxDistance);
        }
        if (watermarkPdqMaxDistance < fingerprintPdqMaxDistance || watermarkPdqMaxDistance > 256) {
            throw new IllegalArgumentException("watermark-pdq-max-distance must lie between fingerprint-pdq-max-distance ("
                    + fingerprintPdqMaxDistance + ") and 256, got " + watermarkPdqMaxDistance);
        }
        if (tamperMaxBackground < 0 || tamperMaxBackground > 1) {
            throw new IllegalArgumentException("tamper-max-background must lie between 0 and 1, got "
                    + tamperMaxBackground);
        }
        if (tamperMinBlocks < 1) {
            throw new IllegalArgumentException("tamper-min-blocks must be at least 1, got " + tamperMinBlocks);
        }
    }

    public static Thresholds of(VerificationConfig.Verdict config) {
        return new Thresholds(config.watermarkPdqMaxDistance(), config.fingerprintPdqMaxDistance(),
                config.fingerprintIntactMaxDistance(), config.minPdqQuality(), config.tamperMinBlocks(), config.tamperMaxBackground(),
                config.clipMinSimilarity(), config.dinoMinSimilarity());
    }
}
