package io.certana.imaging.decode;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Detects the container format of an upload from its leading bytes ("magic numbers"). The file
 * name and any declared media type are never consulted, because both are chosen by the uploader.
 */
public final class FormatSniffer {

    /** Number of leading bytes that identify every binary format; text formats (SVG) may need up to 1 KiB. */
    public static final int HEADER_LENGTH = 64;

    private FormatSniffer() {
    }

    /** Detects the format of {@code data} from its first bytes (at most 1 KiB are read). */
    public static ImageFormat detect(byte[] data) {
        return detect(data, data.length);
    }

    /** Detects the format from the first {@code length} bytes of {@code data}. */
    public static ImageFormat detect(byte[] data, int length) {
        int n = Math.min(length, data.length);
        if (startsWith(data, n, 0xFF, 0xD8, 0xFF)) {
            return ImageFormat.JPEG;
        }
        if (startsWith(data, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return ImageFormat.PNG;
        }
        if (startsWithAscii(data, n, 0, "GIF87a") || startsWithAscii(data, n, 0, "GIF89a")) {
            return ImageFormat.GIF;
        }
        if (startsWithAscii(data, n, 0, "BM") && n >= 14) {
            return ImageFormat.BMP;
        }
        if (startsWith(data, n, 'I', 'I', 42, 0) || startsWith(data, n, 'M', 'M', 0, 42)) {
            return ImageFormat.TIFF;
        }
        if (startsWith(data, n, 'I', 'I', 43, 0) || startsWith(data, n, 'M', 'M', 0, 43)) {
            return ImageFormat.BIG_TIFF;
        }
        if (startsWithAscii(data, n, 0, "RIFF") && startsWithAscii(data, n, 8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        // ISO base media file format: a 'ftyp' box at offset 4 whose major brand names the format.
        if (startsWithAscii(data, n, 4, "ftyp") && n >= 12) {
            return fromIsoBrand(new String(data, 8, 4, StandardCharsets.US_ASCII));
        }
        if (startsWith(data, n, 0xFF, 0x0A)
                || startsWith(data, n, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A)) {
            return ImageFormat.JPEG_XL;
        }
        if (startsWith(data, n, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A)
                || startsWith(data, n, 0xFF, 0x4F, 0xFF, 0x51)) {
            return ImageFormat.JPEG_2000;
        }
        if (startsWith(data, n, 0, 0, 1, 0) && n >= 6 && data[4] != 0) {
            return ImageFormat.ICO;
        }
        if (startsWithAscii(data, n, 0, "8BPS")) {
            return ImageFormat.PSD;
        }
        if (startsWithAscii(data, n, 0, "%PDF-")) {
            return ImageFormat.PDF;
        }
        if (startsWith(data, n, 'P', 'K', 3, 4) || startsWith(data, n, 'P', 'K', 5, 6)) {
            return ImageFormat.ZIP;
        }
        return sniffText(data, n);
    }

    private static ImageFormat fromIsoBrand(String brand) {
        switch (brand) {
            case "avif":
            case "avis":
                return ImageFormat.AVIF;
            case "heic":
            case "heix":
            case "heim":
            case "heis":
            case "hevc":
            case "hevx":
                return ImageFormat.HEIC;
            default:
                // mif1, msf1 and other brands: a HEIF container of unspecified codec.
                return ImageFormat.HEIF;
        }
    }

    /** Recognises SVG and HTML, which start with optional white space and a tag. */
    private static ImageFormat sniffText(byte[] data, int n) {
        int start = 0;
        // Skip a UTF-8 byte-order mark and leading white space.
        if (startsWith(data, n, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        }
        while (start < n && Character.isWhitespace(data[start] & 0xFF)) {
            start++;
        }
        if (start >= n || data[start] != '<') {
            return ImageFormat.UNKNOWN;
        }
        String head = new String(data, start, Math.min(n - start, HEADER_LENGTH), StandardCharsets.US_ASCII)
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<svg") || (head.startsWith("<?xml") && containsSvg(data, n))) {
            return ImageFormat.SVG;
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return ImageFormat.HTML;
        }
        return ImageFormat.UNKNOWN;
    }

    private static boolean containsSvg(byte[] data, int n) {
        // An XML prolog may precede the root element: look a little further for "<svg".
        int limit = Math.min(n, 1024);
        return new String(data, 0, limit, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).contains("<svg");
    }

    private static boolean startsWith(byte[] data, int n, int... signature) {
        if (n < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((data[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAscii(byte[] data, int n, int offset, String text) {
        if (n < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
