package io.certana.asset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import io.certana.imaging.encode.ImageEncoder;
import io.certana.testing.TestImages;

/**
 * Images for the tests: generated ones (always available, distinct per seed) and the photographs
 * that Debian's python3-skimage installs.
 */
final class TestPictures {

    static final Path SKIMAGE_DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");

    private static final ImageEncoder ENCODER = new ImageEncoder();

    private TestPictures() {
    }

    /** Generates a photo-like PNG; every seed gives other bytes. */
    static byte[] png(int width, int height, long seed) {
        return TestImages.png(TestImages.gradient(width, height, seed));
    }

    /** Generates a photo-like JPEG at the given quality (0..1). */
    static byte[] jpeg(int width, int height, long seed, float quality) {
        return ENCODER.encodeJpeg(TestImages.gradient(width, height, seed), quality);
    }

    static BufferedImage image(int width, int height, long seed) {
        return TestImages.gradient(width, height, seed);
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
}
