package io.certana.watermark.robust;

import io.certana.watermark.code.PayloadCodec;
import io.certana.watermark.dsp.Bands;
import io.certana.watermark.dsp.Plane;
import io.certana.watermark.dsp.Rgb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Chooses Track B's strength per image: starts at the configured PSNR, simulates a 25 % crop and
 * JPEG quality 50 at the working resolution, measures the code-bit SNR the detector would see, and raises the
 * amplitude until that SNR reaches {@link #TARGET_SNR_DB} or the PSNR floor is reached. Textured
 * images, whose own texture is the main noise for the detector, get the extra strength.
 */
public final class RobustStrength {

    /**
     * Code-bit SNR required after the simulated crop and JPEG 50, in dB. The polar code decodes
     * reliably from about -5 dB; the margin covers rotation and rescaling, which cost fold coherence.
     */
    static final double TARGET_SNR_DB = -6;
    /** Highest PSNR, in dB, that the loop lowers the strength to on images where the mark is easy to read. */
    static final double MAXIMUM_PSNR_DB = 47;
    /** The loop stops once the SNR is within this many dB of the target (or above it at the floor). */
    static final double TOLERANCE_DB = 0.5;
    static final int MAX_ROUNDS = 3;
    static final float SIMULATED_JPEG_QUALITY = 0.5f;
    /** Fraction of each side kept by the simulated crop. */
    static final double SIMULATED_CROP = 0.75;

    private final RobustEmbedder embedder;
    private final RobustDetector detector;
    private final PayloadCodec codec;
    private final double startPsnrDb;
    private final double minimumPsnrDb;

    public RobustStrength(RobustEmbedder embedder, RobustDetector detector, PayloadCodec codec, double startPsnrDb,
                          double minimumPsnrDb) {
        this.embedder = embedder;
        this.detector = detector;
        this.codec = codec;
        this.startPsnrDb = startPsnrDb;
        this.minimumPsnrDb = minimumPsnrDb;
    }

    /** The marked pixels with their change's squared error, and the RMS amplitude of the pattern in luma levels. */
    public record Outcome(Rgb.Changed marked, double amplitude, double snrDb) {
    }

    public Outcome embed(int[] argb, int width, int height, Plane luma, long payload) {
        Plane pattern = embedder.maskedPattern(luma, payload);
        double rms = 0;
        for (float v : pattern.data) {
            rms += v * v;
        }
        rms = Math.sqrt(rms / pattern.data.length);
        byte[] codeBits = codec.encode(payload);
        double amplitude = 255.0 / Math.pow(10, startPsnrDb / 20);
        double maxAmplitude = 255.0 / Math.pow(10, minimumPsnrDb / 20);
        double minAmplitude = 255.0 / Math.pow(10, Math.max(startPsnrDb, MAXIMUM_PSNR_DB) / 20);
        float gain = 0;
        double chosenAmplitude = 0;
        double snr = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            gain = (float) (amplitude / rms);
            chosenAmplitude = amplitude;
            snr = simulatedSnr(argb, pattern.data, gain, width, height, codeBits);
            boolean low = snr < TARGET_SNR_DB;
            if (Math.abs(snr - TARGET_SNR_DB) <= TOLERANCE_DB
                    || (low && amplitude >= maxAmplitude * 0.999) || (!low && amplitude <= minAmplitude * 1.001)) {
                break;
            }
            // SNR grows with amplitude (dB for dB) while the texture dominates the noise; aim a
            // little above the target so the last round lands on the safe side.
            double next = amplitude * Math.pow(10, (TARGET_SNR_DB - snr + 0.3) / 20);
            amplitude = Math.max(minAmplitude, Math.min(maxAmplitude, next));
        }
        // Only the chosen strength is rendered at full resolution; the rounds above marked the
        // simulated crop alone.
        return new Outcome(Rgb.addLuma(argb, pattern.data, gain), chosenAmplitude, snr);
    }

    /**
     * Code-bit SNR after a central crop and JPEG 50 of the image marked with gain · pattern, at the
     * working resolution. Only the pixels inside the crop are marked (rounded and clipped exactly
     * as {@link Rgb#addLuma} does), and area-averaged on the fly.
     */
    private double simulatedSnr(int[] argb, float[] pattern, float gain, int width, int height, byte[] codeBits) {
        int factor = RobustTile.scaleFactor(width, height);
        // The central crop keeping 75 % of each side: the hardest crop Track B must survive, and
        // the one that hurts small images most because it leaves the fewest tiles to fold.
        int w = (int) Math.round(width / factor * SIMULATED_CROP);
        int h = (int) Math.round(height / factor * SIMULATED_CROP);
        int x0 = (width / factor - w) / 2;
        int y0 = (height / factor - h) / 2;
        int[] pixels = new int[w * h];
        Bands.run(h, (long) w * h * factor * factor, (firstRow, endRow) -> {
            for (int y = firstRow; y < endRow; y++) {
                for (int x = 0; x < w; x++) {
                    int r = 0;
                    int g = 0;
                    int b = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        int base = ((y + y0) * factor + dy) * width + (x + x0) * factor;
                        for (int dx = 0; dx < factor; dx++) {
                            int p = Rgb.addToPixel(argb[base + dx], gain * pattern[base + dx]);
                            r += (p >> 16) & 0xff;
                            g += (p >> 8) & 0xff;
                            b += p & 0xff;
                        }
                    }
                    int n = factor * factor;
                    pixels[y * w + x] = ((r + n / 2) / n << 16) | ((g + n / 2) / n << 8) | ((b + n / 2) / n);
                }
            }
        });
        BufferedImage working = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        working.setRGB(0, 0, w, h, pixels, 0, w);
        BufferedImage compressed = jpeg(working, SIMULATED_JPEG_QUALITY);
        // The detector sees the working image at factor 1, where the tile period is PERIOD_PX.
        return detector.codeSnrDb(Plane.luma(compressed), codeBits);
    }

    private static BufferedImage jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG round trip failed", e);
        }
    }
}
