package io.certana.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Generates small test images in memory, so tests do not depend on files outside the repository.
 * The same seed always gives the same pixels.
 */
public final class TestImages {

    private TestImages() {
    }

    /**
     * Returns an RGB image with smooth gradients and seeded noise: enough texture for codecs,
     * hashes and watermarks to behave as on photographs, unlike a flat colour.
     */
    public static BufferedImage gradient(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int phase = random.nextInt(256);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = clamp(255 * x / Math.max(1, width - 1) + random.nextInt(17) - 8);
                int green = clamp(255 * y / Math.max(1, height - 1) + random.nextInt(17) - 8);
                int blue = clamp((phase + (x + y) * 2) % 256 + random.nextInt(17) - 8);
                image.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return image;
    }

    /** Encodes an image as PNG. */
    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** Encodes an image as baseline JPEG with the JDK encoder's default quality (0.75). */
    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("The JDK has no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
