package io.certana.verification;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;

/** The photographs that Debian's python3-skimage installs, and decoding for the tests. */
final class Photos {

    static final Path SKIMAGE_DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");

    private static final ImageDecoder DECODER = new ImageDecoder();

    private Photos() {
    }

    /** Reads a photo of python3-skimage's data folder, or skips the test when the package is not installed. */
    static byte[] skimage(String name) {
        Path file = SKIMAGE_DATA.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "Skipped: " + file + " is absent; install the Debian package python3-skimage");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes image bytes as displayed. */
    static BufferedImage decode(byte[] bytes) {
        try {
            return DECODER.decode(bytes, DecodeMode.ORIENTED).image();
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("Test image does not decode: " + e.getMessage(), e);
        }
    }
}
