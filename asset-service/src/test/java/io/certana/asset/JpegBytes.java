package io.certana.asset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Reads and edits the marker structure of JPEG files, for the metadata-stripping checks. */
final class JpegBytes {

    private JpegBytes() {
    }

    /** Inserts a COM segment after SOI and appends bytes after EOI. */
    static byte[] withCommentAndTrailer(byte[] jpeg, String comment, String trailer) {
        byte[] text = comment.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        int length = text.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(text, 0, text.length);
        out.write(jpeg, 2, jpeg.length - 2);
        byte[] tail = trailer.getBytes(StandardCharsets.ISO_8859_1);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    /** Returns whether a marker segment occurs before the first scan. */
    static boolean hasSegment(byte[] jpeg, int marker) {
        int position = 2;
        while (position + 4 <= jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
            int code = jpeg[position + 1] & 0xFF;
            if (code == marker) {
                return true;
            }
            if (code == 0xDA) {
                return false;
            }
            int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
            position += 2 + length;
        }
        return false;
    }

    /** Returns how many bytes follow the last EOI marker. */
    static int trailingBytes(byte[] jpeg) {
        for (int i = jpeg.length - 2; i >= 0; i--) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD9) {
                return jpeg.length - (i + 2);
            }
        }
        return jpeg.length;
    }
}
