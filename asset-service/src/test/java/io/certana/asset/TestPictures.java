package io.certana.asset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

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

    /** Generates a photo-like PNG of {@link #image}. */
    static byte[] png(int width, int height, long seed) {
        return TestImages.png(image(width, height, seed));
    }

    /** Generates a photo-like JPEG of {@link #image} at the given quality (0..1). */
    static byte[] jpeg(int width, int height, long seed, float quality) {
        return ENCODER.encodeJpeg(image(width, height, seed), quality);
    }

    /**
     * Generates a scene: seeded random shapes over a noisy gradient. The shapes give each seed its own
     * coarse structure, so the PDQ hashes of different seeds are far apart, as those of different
     * photos are. The noise gives the watermark texture to hide in.
     */
    static BufferedImage image(int width, int height, long seed) {
        BufferedImage image = TestImages.gradient(width, height, seed);
        Random random = new Random(seed * 7919 + 17);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 0; i < 14; i++) {
                graphics.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 210));
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int w = width / 8 + random.nextInt(width / 3);
                int h = height / 8 + random.nextInt(height / 3);
                if (random.nextBoolean()) {
                    graphics.fillOval(x - w / 2, y - h / 2, w, h);
                } else {
                    graphics.fillRect(x - w / 2, y - h / 2, w, h);
                }
            }
        } finally {
            graphics.dispose();
        }
        return image;
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
