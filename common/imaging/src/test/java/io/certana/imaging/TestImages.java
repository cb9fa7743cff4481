package io.certana.imaging;

import io.certana.imaging.decode.IntImages;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Generated test images and access to the optional shared reference data. */
public final class TestImages {

    /** Photos that Debian's python3-skimage installs. */
    public static final Path SKIMAGE_DATA = Paths.get("/usr/lib/python3/dist-packages/skimage/data");

    private TestImages() {
    }

    /** Returns the shared reference folder from the system property {@code certana.shared.dir}, when it exists. */
    public static Optional<Path> sharedDir() {
        String property = System.getProperty("certana.shared.dir");
        if (property == null) {
            return Optional.empty();
        }
        Path dir = Paths.get(property);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** Returns {@code shared/relative}, skipping the test when it is absent. */
    public static Path requireShared(String relative) {
        Optional<Path> dir = sharedDir();
        assumeTrue(dir.isPresent(), "shared reference data not found (system property certana.shared.dir); skipping");
        Path path = dir.get().resolve(relative);
        assumeTrue(Files.exists(path), path + " not found; skipping");
        return path;
    }

    /** Returns a photo from python3-skimage, skipping the test when the package is not installed. */
    public static Path requireSkimagePhoto(String name) {
        Path path = SKIMAGE_DATA.resolve(name);
        assumeTrue(Files.isRegularFile(path), path + " not found (install python3-skimage); skipping");
        return path;
    }

    /** Builds a smooth RGB gradient with a distinct colour in each corner, so orientation errors show. */
    public static BufferedImage gradient(int width, int height) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = x * 255 / Math.max(1, width - 1);
                int g = y * 255 / Math.max(1, height - 1);
                int b = (x + y) * 255 / Math.max(1, width + height - 2);
                pixels[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        return IntImages.wrap(pixels, width, height, false);
    }

    /** Builds uniform random RGB noise from a fixed seed. */
    public static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(1 << 24);
        }
        return IntImages.wrap(pixels, width, height, false);
    }

    /** Encodes with the JDK writer for {@code format} ("png", "jpeg", "gif", "bmp"). */
    public static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format + " and image type " + image.getType());
        }
        return out.toByteArray();
    }
}
