package io.certana.watermark;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * A marked image with per-track quality figures.
 *
 * @param marked   the marked image, same size and type as the input (alpha copied unchanged)
 * @param quality  per embedded track
 * @param psnrDb   PSNR in dB of the marked image against the input, over RGB
 */
public record EmbedResult(BufferedImage marked, Map<Track, TrackQuality> quality, double psnrDb) {
}
