package io.certana.imaging.decode;

/**
 * Rejection of an upload by {@link ImageDecoder}. Its {@link Kind} determines the HTTP status of the
 * response. The message is meant for the uploader: it names the format and the problem.
 */
public final class ImageDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Reason for a rejection, with the HTTP status the services map it to. */
    public enum Kind {
        /** The bytes are damaged: truncated, failed checksums, impossible structure. HTTP 400. */
        CORRUPT(400),
        /** The image exceeds a byte, pixel or time limit of {@link DecodeLimits}. HTTP 413. */
        TOO_LARGE(413),
        /** The format (or a feature of it, such as 12-bit JPEG) is not supported. HTTP 415. */
        UNSUPPORTED(415),
        /** The format is supported and the structure is sound, but the decoder failed on it. HTTP 422. */
        UNDECODABLE(422);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** HTTP status code the services answer with for this kind. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final ImageFormat format;

    public ImageDecodeException(Kind kind, ImageFormat format, String message) {
        super(message);
        this.kind = kind;
        this.format = format;
    }

    public ImageDecodeException(Kind kind, ImageFormat format, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.format = format;
    }

    public Kind kind() {
        return kind;
    }

    /** Format detected from the leading bytes, {@link ImageFormat#UNKNOWN} when none matched. */
    public ImageFormat format() {
        return format;
    }

    /** HTTP status code for this rejection, see {@link Kind#httpStatus()}. */
    public int httpStatus() {
        return kind.httpStatus();
    }
}
