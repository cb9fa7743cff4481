package io.certana.verification.imaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.certana.imaging.pdq.DihedralHashes;
import io.certana.watermark.DetectionResult;

/**
 * What {@link ImageAnalysis} extracted from a submitted image.
 *
 * @param mediaType media type of the format detected in the bytes
 * @param width width as displayed, after EXIF orientation
 * @param height height as displayed
 * @param detection per-track watermark detection and Track A's tamper map, in displayed coordinates
 * @param pdq the eight dihedral PDQ hashes and their quality
 * @param clip CLIP embedding, or null without a CLIP model
 * @param dino DINO embedding, or null without a DINO model
 * @param timings milliseconds per step: decodeMs, detectMs, pdqMs, and embeddingMs with models
 */
public record ImageFacts(String mediaType, int width, int height, DetectionResult detection, DihedralHashes pdq,
        float[] clip, float[] dino, Map<String, Long> timings) {

    public ImageFacts {
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }
}
