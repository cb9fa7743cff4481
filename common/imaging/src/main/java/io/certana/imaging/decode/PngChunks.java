package io.certana.imaging.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Chunk-level check of a PNG file (PNG specification, third edition, section 5): every chunk up to
 * IEND must lie inside the file and carry a correct CRC-32. The JDK's PNG reader skips the CRCs,
 * so a damaged header or damaged image data would otherwise decode to wrong pixels. Bytes after
 * IEND are ignored.
 */
public final class PngChunks {

    private static final int SIGNATURE_LENGTH = 8;

    /**
     * Result of {@link #scan(byte[])}.
     *
     * @param exif payload of the first eXIf chunk (a TIFF structure), or null
     * @param iccProfile zlib stream of the iCCP chunk's profile (after its name and method byte), or null
     * @param c2pa payloads of caBX chunks (JUMBF boxes containing a C2PA manifest store)
     * @param chunkTypes types of all chunks in file order
     */
    public record Info(byte[] exif, byte[] iccProfile, List<byte[]> c2pa, List<String> chunkTypes) {
    }

    private PngChunks() {
    }

    /**
     * Walks the chunks of {@code data}, which must start with the PNG signature.
     *
     * @throws ImageDecodeException of kind CORRUPT when a chunk is cut off, a CRC does not match,
     *         IHDR is not first or IEND is missing
     */
    public static Info scan(byte[] data) throws ImageDecodeException {
        byte[] exif = null;
        byte[] iccProfile = null;
        List<byte[]> c2pa = new ArrayList<>();
        List<String> types = new ArrayList<>();
        CRC32 crc = new CRC32();

        int pos = SIGNATURE_LENGTH;
        boolean ended = false;
        while (!ended) {
            if (pos + 12 > data.length) {
                throw corrupt("PNG file is truncated: chunk " + (types.size() + 1) + " is cut off");
            }
            long length = readUint32(data, pos);
            String type = chunkType(data, pos + 4);
            if (length > data.length - pos - 12L) {
                throw corrupt("PNG file is truncated: chunk " + type + " declares " + length
                        + " bytes but the file ends before them");
            }
            int dataStart = pos + 8;
            int dataEnd = dataStart + (int) length;
            crc.reset();
            crc.update(data, pos + 4, 4 + (int) length);
            if (crc.getValue() != readUint32(data, dataEnd)) {
                throw corrupt("PNG chunk " + type + " has an invalid CRC");
            }
            if (types.isEmpty() && !"IHDR".equals(type)) {
                throw corrupt("PNG file does not start with an IHDR chunk");
            }
            types.add(type);
            if ("eXIf".equals(type) && exif == null) {
                exif = Arrays.copyOfRange(data, dataStart, dataEnd);
            } else if ("iCCP".equals(type) && iccProfile == null) {
                iccProfile = compressedProfile(data, dataStart, dataEnd);
            } else if ("caBX".equals(type)) {
                c2pa.add(Arrays.copyOfRange(data, dataStart, dataEnd));
            } else if ("IEND".equals(type)) {
                ended = true;
            }
            pos = dataEnd + 4;
        }
        return new Info(exif, iccProfile, List.copyOf(c2pa), List.copyOf(types));
    }

    /** iCCP: a profile name of 1 to 79 bytes, a zero byte, the compression method (0), then zlib data. */
    private static byte[] compressedProfile(byte[] data, int start, int end) {
        int nameEnd = start;
        while (nameEnd < end && nameEnd - start < 80 && data[nameEnd] != 0) {
            nameEnd++;
        }
        if (nameEnd + 2 > end || data[nameEnd] != 0) {
            return null; // malformed: the profile is ignored
        }
        return Arrays.copyOfRange(data, nameEnd + 2, end);
    }

    /** Returns the chunk type as text when it is four ASCII letters (as PNG requires), otherwise as hex. */
    private static String chunkType(byte[] data, int pos) {
        boolean letters = true;
        for (int i = 0; i < 4; i++) {
            letters &= Character.isLetter((char) data[pos + i]) && data[pos + i] > 0;
        }
        if (letters) {
            return new String(data, pos, 4, StandardCharsets.US_ASCII);
        }
        return String.format("0x%02x%02x%02x%02x", data[pos], data[pos + 1], data[pos + 2], data[pos + 3]);
    }

    private static long readUint32(byte[] data, int pos) {
        return ((long) (data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
    }

    private static ImageDecodeException corrupt(String message) {
        return new ImageDecodeException(ImageDecodeException.Kind.CORRUPT, ImageFormat.PNG, message);
    }
}
