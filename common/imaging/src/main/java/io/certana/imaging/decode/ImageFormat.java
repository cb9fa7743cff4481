package io.certana.imaging.decode;

/**
 * Container formats that {@link FormatSniffer} recognises from their leading bytes. Only the
 * formats with {@link #decodable()} set are decoded; the others are recognised so that the error
 * can name them.
 */
public enum ImageFormat {
    JPEG("JPEG", "image/jpeg", true),
    PNG("PNG", "image/png", true),
    GIF("GIF", "image/gif", true),
    BMP("BMP", "image/bmp", true),
    TIFF("TIFF", "image/tiff", true),
    WEBP("WebP", "image/webp", true),
    BIG_TIFF("BigTIFF", "image/tiff", true),
    HEIC("HEIC", "image/heic", false),
    HEIF("HEIF", "image/heif", false),
    AVIF("AVIF", "image/avif", false),
    JPEG_XL("JPEG XL", "image/jxl", false),
    JPEG_2000("JPEG 2000", "image/jp2", false),
    ICO("ICO", "image/vnd.microsoft.icon", false),
    PSD("Photoshop PSD", "image/vnd.adobe.photoshop", false),
    SVG("SVG", "image/svg+xml", false),
    PDF("PDF", "application/pdf", false),
    ZIP("ZIP", "application/zip", false),
    HTML("HTML", "text/html", false),
    /** Bytes that match no known signature, such as plain text or random data. */
    UNKNOWN("unknown", "application/octet-stream", false);

    private final String displayName;
    private final String mediaType;
    private final boolean decodable;

    ImageFormat(String displayName, String mediaType, boolean decodable) {
        this.displayName = displayName;
        this.mediaType = mediaType;
        this.decodable = decodable;
    }

    /** Name for messages, for example {@code "HEIC"} or {@code "WebP"}. */
    public String displayName() {
        return displayName;
    }

    /** IANA media type of the format. */
    public String mediaType() {
        return mediaType;
    }

    /** Returns whether {@link ImageDecoder} decodes this format. */
    public boolean decodable() {
        return decodable;
    }
}
