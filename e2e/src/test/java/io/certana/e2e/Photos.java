package io.certana.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;

/**
 * Test images whose bytes no organization has registered before: the photographs that Debian's
 * python3-skimage installs and the reference photos, with a random comment added to each file
 * (same pixels, new bytes), and generated noise images.
 */
final class Photos {

    static final Path SKIMAGE_DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");

    private static final int PNG_SIGNATURE_LENGTH = 8;
    /** Length field, type, 13 data bytes and CRC of the IHDR chunk, which PNG requires to come first. */
    private static final int IHDR_CHUNK_LENGTH = 4 + 4 + 13 + 4;

    private Photos() {
    }

    /** Returns a python3-skimage photo's path, or skips the test when the package is not installed. */
    static Path skimage(String name) {
        Path file = SKIMAGE_DATA.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "Skipped: " + file + " is absent; install the Debian package python3-skimage");
        return file;
    }

    /** Copies a python3-skimage PNG photo into {@code folder} as {@link #uniqueCopyOf} does. */
    static Path uniqueCopy(String name, Path folder) throws IOException {
        return uniqueCopyOf(skimage(name), folder);
    }

    /** Returns {@code png} with a {@code tEXt} chunk that contains a random UUID inserted after IHDR. */
    private static byte[] withTextChunk(byte[] png, String name) {
        boolean ihdrFirst = png.length > PNG_SIGNATURE_LENGTH + IHDR_CHUNK_LENGTH
                && Arrays.equals(Arrays.copyOfRange(png, 12, 16), "IHDR".getBytes(StandardCharsets.US_ASCII));
        if (!ihdrFirst) {
            throw new IllegalStateException(name + " is not a PNG that starts with an IHDR chunk");
        }
        byte[] text = ("Comment\0certana e2e copy " + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1);
        int insertAt = PNG_SIGNATURE_LENGTH + IHDR_CHUNK_LENGTH;
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length + 12);
        out.write(png, 0, insertAt);
        out.writeBytes(chunk("tEXt", text));
        out.write(png, insertAt, png.length - insertAt);
        return out.toByteArray();
    }

    /**
     * Copies a JPEG or PNG into {@code folder} with a random comment added (a COM segment after the
     * JPEG's SOI marker, or a PNG {@code tEXt} chunk), so the file's bytes are new while its pixels
     * stay the same.
     */
    static Path uniqueCopyOf(Path source, Path folder) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        boolean jpeg = bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
        if (!jpeg) {
            return Files.write(folder.resolve(source.getFileName()), withTextChunk(bytes, source.toString()));
        }
        byte[] text = ("certana e2e copy " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        int length = text.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + length + 2);
        out.write(bytes, 0, 2);
        out.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) (length >>> 8), (byte) length});
        out.writeBytes(text);
        out.write(bytes, 2, bytes.length - 2);
        return Files.write(folder.resolve(source.getFileName()), out.toByteArray());
    }

    /** Writes a PNG of random noise, new in every call and unlike any registered image, and returns its path. */
    static Path noise(Path folder, String name) throws IOException {
        Random random = new Random();
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** Encodes a PNG chunk: data length, type, data and the CRC-32 of type and data. */
    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] chunk = new byte[12 + data.length];
        writeInt(chunk, 0, data.length);
        System.arraycopy(typeBytes, 0, chunk, 4, 4);
        System.arraycopy(data, 0, chunk, 8, data.length);
        writeInt(chunk, 8 + data.length, (int) crc.getValue());
        return chunk;
    }

    private static void writeInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
