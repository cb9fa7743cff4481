package io.certana.asset.asset.service;

import io.certana.imaging.decode.ImageDecodeException;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;
import io.certana.watermark.WatermarkEngine;

/** Maps rejections of an image to the problem+json responses of the upload endpoint. */
public final class ImageProblems {

    /** Problem type of damaged image data (400). */
    public static final String CORRUPT_IMAGE = "corrupt-image";
    /** Problem type of a well-formed image that cannot be processed (422). */
    public static final String UNPROCESSABLE_IMAGE = "unprocessable-image";

    private ImageProblems() {
    }

    /** Turns the imaging core's typed rejection into a 400, 413, 415 or 422 problem with its message. */
    public static ProblemException of(ImageDecodeException error) {
        String detail = error.getMessage() + ".";
        return switch (error.kind()) {
            case CORRUPT -> new ProblemException(400, CORRUPT_IMAGE, "Corrupt image", detail);
            case TOO_LARGE -> ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, detail);
            case UNSUPPORTED -> ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
            case UNDECODABLE -> new ProblemException(422, UNPROCESSABLE_IMAGE, "Unprocessable image", detail);
        };
    }

    /** Creates the 422 problem for an image too small to carry the watermark. */
    public static ProblemException tooSmall(int width, int height) {
        return new ProblemException(422, UNPROCESSABLE_IMAGE, "Unprocessable image", "The image is " + width + " × "
                + height + " pixels; registration needs at least " + WatermarkEngine.MIN_SHORT_SIDE
                + " pixels on the short side, the size of one watermark tile.");
    }
}
