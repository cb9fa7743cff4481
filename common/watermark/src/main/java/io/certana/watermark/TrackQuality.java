package io.certana.watermark;

/**
 * Quality figures of one track's embedding.
 *
 * @param psnrDb    PSNR in dB of the image after this track against the image before it, over RGB
 * @param strength  the track's strength: Track B amplitude in luma levels (RMS of the added pattern),
 *                  Track A quantisation step in luma levels, Track C the residual gain
 */
public record TrackQuality(double psnrDb, double strength) {
}
