package io.certana.asset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** Reads and writes PNG chunks, for the metadata-stripping checks. */
final class PngChunks {

    private static final int SIGNATURE_LENGTH = 8;

    private PngChunks() {
    }

    /** Inserts a tEXt chunk after IHDR and appends bytes after IEND. */
    static byte[] withTextAndTrailer(byte[] png, String keyword, String text, String trailer) {
        int afterHeader = SIGNATURE_LENGTH + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        writeChunk(out, "tEXt", data);
        out.write(png, afterHeader, png.length - afterHeader);
        out.writeBytes(trailer.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Writes one chunk: length, type, data and the CRC-32 of type and data. */
    static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Returns the chunk types in file order, up to and including IEND. */
    static List<String> types(byte[] png) {
        List<String> types = new ArrayList<>();
        int position = SIGNATURE_LENGTH;
        while (position + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, position, 4).getInt();
            String type = new String(png, position + 4, 4, StandardCharsets.US_ASCII);
            types.add(type);
            position += 12 + length;
            if (type.equals("IEND")) {
                break;
            }
        }
        return types;
    }

    /** Returns how many bytes follow the IEND chunk. */
    static int trailingBytes(byte[] png) {
        int position = SIGNATURE_LENGTH;
        while (position + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, position, 4).getInt();
            String type = new String(png, position + 4, 4, StandardCharsets.US_ASCII);
            position += 12 + length;
            if (type.equals("IEND")) {
                return png.length - position;
            }
        }
        return -1;
    }
}
