package io.certana.asset.asset.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.certana.asset.config.AssetConfig;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;
import io.certana.watermark.WatermarkEngine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks an uploaded file before it is accepted. The imaging core sniffs the format, checks the
 * container and compares the header dimensions with the pixel budget before allocating pixels.
 * Then it decodes the first image, so damaged pixel data is rejected at upload too. The image must
 * also be large enough to carry a watermark tile.
 *
 * <p>Decoded pixels take 4 bytes each, so at most {@code certana.asset.upload.max-concurrent-checks}
 * uploads are checked at a time; others wait up to {@code check-wait}, then get 503.
 */
@ApplicationScoped
public class UploadCheck {

    /**
     * Facts the check established about an accepted image.
     *
     * @param mediaType media type of the format detected in the bytes
     * @param width width as displayed, after EXIF orientation
     * @param height height as displayed
     * @param image the decoded image, for the handoff to the worker
     */
    public record ImageFacts(String mediaType, int width, int height, DecodedImage image) {
    }

    private final ImageDecoder decoder;
    private final Semaphore slots;
    private final AssetConfig.Upload limits;

    public UploadCheck(ImageDecoder decoder, AssetConfig config) {
        this.decoder = decoder;
        this.limits = config.upload();
        this.slots = new Semaphore(Math.max(1, limits.maxConcurrentChecks()), true);
    }

    /**
     * Checks the file.
     *
     * @throws ProblemException 400, 413, 415 or 422 for a rejected image; 503 when no check slot
     *     freed up in time
     */
    public ImageFacts check(Path file) throws IOException {
        acquireSlot();
        try {
            DecodedImage image = decoder.decode(file, DecodeMode.ORIENTED);
            if (Math.min(image.width(), image.height()) < WatermarkEngine.MIN_SHORT_SIDE) {
                throw ImageProblems.tooSmall(image.width(), image.height());
            }
            return new ImageFacts(image.format().mediaType(), image.width(), image.height(), image);
        } catch (ImageDecodeException e) {
            throw ImageProblems.of(e);
        } finally {
            slots.release();
        }
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(limits.checkWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE.problem(
                "The service is checking as many uploads as it may at once. Try again shortly."),
                Map.of("Retry-After", "5"));
    }
}
