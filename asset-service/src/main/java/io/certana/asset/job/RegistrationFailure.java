package io.certana.asset.job;

/**
 * A registration error that retrying does not fix, such as an image the watermark cannot be
 * embedded in. The job ends in failed and the message becomes the asset's
 * {@code processingError}, so it must be safe and useful for the uploader to read.
 */
public class RegistrationFailure extends RuntimeException {

    public RegistrationFailure(String message) {
        super(message);
    }

    public RegistrationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
