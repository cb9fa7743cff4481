package io.certana.verification.verify;

import io.certana.imaging.decode.ImageDecodeException;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;

/** Maps the imaging core's rejection of a file to the problem+json responses of the verify endpoint. */
final class ImageProblems {

    /** Problem type of damaged image data (400), the same slug asset-service uses. */
    static final String CORRUPT_IMAGE = "corrupt-image";
    /** Problem type of a well-formed image that cannot be processed (422), the same slug asset-service uses. */
    static final String UNPROCESSABLE_IMAGE = "unprocessable-image";

    private ImageProblems() {
    }

    /** Turns the typed rejection into a 400, 413, 415 or 422 problem with its message. */
    static ProblemException of(ImageDecodeException error) {
        String detail = error.getMessage() + ".";
        return switch (error.kind()) {
            case CORRUPT -> new ProblemException(400, CORRUPT_IMAGE, "Corrupt image", detail);
            case TOO_LARGE -> ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, detail);
            case UNSUPPORTED -> ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
            case UNDECODABLE -> new ProblemException(422, UNPROCESSABLE_IMAGE, "Unprocessable image", detail);
        };
    }
}
