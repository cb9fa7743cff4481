package io.certana.imaging.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chunk-level check of a WebP file (RIFF container, Google's "WebP Container Specification"): the
 * RIFF size and every chunk must lie inside the file. Also returns the EXIF and C2PA chunks.
 */
public final class RiffChunks {

    /**
     * Result of {@link #scan(byte[])}.
     *
     * @param exif TIFF structure from the EXIF chunk (an "Exif\0\0" prefix removed), or null
     * @param c2pa payloads of C2PA chunks (JUMBF boxes)
     * @param chunkTypes FourCCs of all chunks in file order
     */
    public record Info(byte[] exif, List<byte[]> c2pa, List<String> chunkTypes) {
    }

    private RiffChunks() {
    }

    /** Walks the chunks of a WebP file; throws CORRUPT when the file is shorter than its headers declare. */
    public static Info scan(byte[] data) throws ImageDecodeException {
        if (data.length < 12) {
            throw corrupt("WebP file is truncated: the RIFF header is incomplete");
        }
        long riffSize = readUint32LittleEndian(data, 4);
        // The RIFF size counts the bytes after the 8-byte RIFF header.
        if (riffSize + 8 > data.length) {
            throw corrupt("WebP file is truncated: the RIFF header declares " + (riffSize + 8)
                    + " bytes, the file has " + data.length);
        }
        int end = (int) (riffSize + 8);
        byte[] exif = null;
        List<byte[]> c2pa = new ArrayList<>();
        List<String> types = new ArrayList<>();
        int pos = 12;
        while (pos + 8 <= end) {
            String type = new String(data, pos, 4, StandardCharsets.ISO_8859_1);
            long size = readUint32LittleEndian(data, pos + 4);
            if (size > end - pos - 8L) {
                throw corrupt("WebP file is truncated: chunk " + type + " runs past the end of the file");
            }
            int start = pos + 8;
            int stop = start + (int) size;
            types.add(type);
            if ("EXIF".equals(type) && exif == null) {
                exif = stripExifPrefix(Arrays.copyOfRange(data, start, stop));
            } else if ("C2PA".equals(type)) {
                c2pa.add(Arrays.copyOfRange(data, start, stop));
            }
            // Chunks are padded to an even size.
            pos = stop + (int) (size & 1);
        }
        return new Info(exif, List.copyOf(c2pa), List.copyOf(types));
    }

    /** Some writers put the JPEG-style "Exif\0\0" header in front of the TIFF structure. */
    private static byte[] stripExifPrefix(byte[] exif) {
        if (exif.length > 6 && exif[0] == 'E' && exif[1] == 'x' && exif[2] == 'i' && exif[3] == 'f' && exif[4] == 0) {
            return Arrays.copyOfRange(exif, 6, exif.length);
        }
        return exif;
    }

    private static long readUint32LittleEndian(byte[] data, int pos) {
        return (data[pos] & 0xFFL) | ((data[pos + 1] & 0xFFL) << 8) | ((data[pos + 2] & 0xFFL) << 16)
                | ((data[pos + 3] & 0xFFL) << 24);
    }

    private static ImageDecodeException corrupt(String message) {
        return new ImageDecodeException(ImageDecodeException.Kind.CORRUPT, ImageFormat.WEBP, message);
    }
}
