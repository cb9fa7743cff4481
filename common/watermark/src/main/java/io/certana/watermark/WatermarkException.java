package io.certana.watermark;

/** Raised for input the watermark engine cannot process, such as an image below the minimum size. */
public class WatermarkException extends RuntimeException {

    public WatermarkException(String message) {
        super(message);
    }

    public WatermarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
