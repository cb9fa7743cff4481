package io.certana.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips of the watermark engine under attacks implemented here, on generated images and Debian's skimage photos. */
class WatermarkEngineTest {

    private static final Path SKIMAGE = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    private static final long PAYLOAD = 0x0123456789abcdefL;
    private static WatermarkEngine engine;

    @BeforeAll
    static void createEngine() {
        engine = new WatermarkEngine(WatermarkSettings.withKey("unit-test-key-0123456789".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void photoSurvivesAttacks() throws IOException {
        BufferedImage marked = engine.embed(photo("astronaut.png"), PAYLOAD, EnumSet.of(Track.A, Track.B)).marked();
        assertRecovered(jpeg(marked, 0.5f), "jpeg50");
        assertRecovered(crop(marked, 0.75), "crop25");
        assertRecovered(flip(marked), "hflip");
        assertRecovered(rotate90(marked), "rot90");
        assertRecovered(rotate(marked, Math.toRadians(3)), "rot3");
        assertRecovered(resize(marked, 0.8), "resize80");
        assertRecovered(noise(marked, 5), "noise5");
    }

    @Test
    void trackAReadsAfterJpeg75() throws IOException {
        BufferedImage marked = engine.embed(photo("coffee.png"), PAYLOAD, EnumSet.of(Track.A, Track.B)).marked();
        DetectionResult result = engine.detect(jpeg(marked, 0.75f));
        assertTrue(result.track(Track.A).detected());
        assertEquals(PAYLOAD, result.track(Track.A).payload().getAsLong());
        assertFalse(result.tamperMap().orElseThrow().globalChange());
    }

    @Test
    void localPasteIsLocalised() throws IOException {
        BufferedImage marked = engine.embed(photo("chelsea.png"), PAYLOAD, EnumSet.of(Track.A, Track.B)).marked();
        BufferedImage edited = copy(marked);
        Graphics2D g = edited.createGraphics();
        g.drawImage(photo("coffee.png").getSubimage(100, 100, 120, 90), 250, 150, null);
        g.dispose();
        DetectionResult result = engine.detect(edited);
        TamperMap map = result.tamperMap().orElseThrow();
        assertFalse(map.globalChange());
        TamperMap.Region largest = map.regions().get(0);
        int overlapX = Math.min(largest.x() + largest.width(), 370) - Math.max(largest.x(), 250);
        int overlapY = Math.min(largest.y() + largest.height(), 240) - Math.max(largest.y(), 150);
        assertTrue(overlapX > 60 && overlapY > 45, "largest region " + largest + " misses the paste at 250,150 120x90");
    }

    @Test
    void stickerIsTheOnlyLargeRegion() throws IOException {
        BufferedImage marked = engine.embed(photo("astronaut.png"), PAYLOAD, EnumSet.of(Track.A, Track.B)).marked();
        BufferedImage edited = copy(marked);
        Graphics2D g = edited.createGraphics();
        g.setColor(new Color(250, 210, 40));
        g.fillRect(280, 380, 180, 90);
        g.dispose();

        TamperMap map = engine.detect(edited).tamperMap().orElseThrow();

        assertFalse(map.globalChange());
        List<TamperMap.Region> large = map.regions().stream().filter(region -> region.blocks() >= 12).toList();
        assertEquals(1, large.size(), "regions of 12 blocks or more: " + map.regions());
        TamperMap.Region region = large.get(0);
        // The region covers the sticker up to one 16-pixel block at each edge.
        assertTrue(region.x() <= 296, "region " + region + " starts right of x 296");
        assertTrue(region.x() + region.width() >= 444, "region " + region + " ends left of x 444");
        assertTrue(region.y() <= 396, "region " + region + " starts below y 396");
        assertTrue(region.y() + region.height() >= 454, "region " + region + " ends above y 454");
    }

    @Test
    void rotatedCopyMapIsGlobal() throws IOException {
        BufferedImage marked = engine.embed(photo("coffee.png"), PAYLOAD, EnumSet.of(Track.A, Track.B)).marked();

        DetectionResult result = engine.detect(rotate(marked, Math.toRadians(5)));

        assertTrue(result.track(Track.B).detected(), "Track B after a 5° rotation");
        assertTrue(result.tamperMap().orElseThrow().globalChange(), "a rotated copy's map localises nothing");
        assertTrue(result.tamperMap().orElseThrow().regions().isEmpty());
    }

    @Test
    void downscaledCopyMapIsGlobal() throws IOException {
        BufferedImage marked = engine.embed(photo("coffee.png"), PAYLOAD, EnumSet.of(Track.A, Track.B)).marked();
        int width = (int) Math.round(marked.getWidth() * 0.8);
        int height = (int) Math.round(marked.getHeight() * 0.8);
        BufferedImage smaller = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smaller.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(marked, 0, 0, width, height, null);
        g.dispose();

        DetectionResult result = engine.detect(smaller);

        assertTrue(result.track(Track.B).detected(), "Track B after a resize to 80 %");
        TamperMap map = result.tamperMap().orElseThrow();
        assertTrue(map.blockSize() < 32, "block size " + map.blockSize());
        assertTrue(map.globalChange(), "a rescaled copy with small blocks localises nothing");
        assertTrue(map.regions().isEmpty());
    }

    @Test
    void unmarkedIsNotDetected() throws IOException {
        DetectionResult result = engine.detect(photo("chelsea.png"));
        assertFalse(result.track(Track.A).detected());
        assertFalse(result.track(Track.B).detected());
        assertTrue(result.tamperMap().isEmpty());
    }

    @Test
    void otherKeyDetectsNothing() throws IOException {
        BufferedImage marked = engine.embed(photo("coffee.png"), PAYLOAD, EnumSet.of(Track.A, Track.B)).marked();
        try (WatermarkEngine other = new WatermarkEngine(
                WatermarkSettings.withKey("another-key-for-the-test".getBytes(StandardCharsets.UTF_8)))) {
            DetectionResult result = other.detect(marked);
            assertFalse(result.track(Track.B).detected());
            assertFalse(result.track(Track.A).detected());
        }
    }

    @Test
    void grayscaleStaysGray() {
        BufferedImage gray = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setPixels(0, 0, 300, 200, texture(300, 200, 1));
        EmbedResult result = engine.embed(gray, PAYLOAD, EnumSet.of(Track.A, Track.B));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, result.marked().getType());
        assertEquals(PAYLOAD, engine.detect(result.marked()).track(Track.B).payload().getAsLong());
    }

    @Test
    void alphaIsPreservedBitForBit() {
        BufferedImage rgba = new BufferedImage(256, 192, BufferedImage.TYPE_INT_ARGB);
        int[] values = texture(256, 192, 2);
        for (int y = 0; y < 192; y++) {
            for (int x = 0; x < 256; x++) {
                int v = values[y * 256 + x];
                rgba.setRGB(x, y, ((x + y) & 0xff) << 24 | v << 16 | (255 - v) << 8 | v / 2);
            }
        }
        BufferedImage marked = engine.embed(rgba, PAYLOAD, EnumSet.of(Track.B)).marked();
        for (int y = 0; y < 192; y++) {
            for (int x = 0; x < 256; x++) {
                assertEquals(rgba.getRGB(x, y) >>> 24, marked.getRGB(x, y) >>> 24);
            }
        }
        assertEquals(PAYLOAD, engine.detect(marked).track(Track.B).payload().getAsLong());
    }

    @Test
    void smallestImageRoundTrips() {
        BufferedImage small = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        int[] values = texture(128, 128, 3);
        for (int i = 0; i < values.length; i++) {
            small.setRGB(i % 128, i / 128, values[i] * 0x010101);
        }
        BufferedImage marked = engine.embed(small, PAYLOAD, EnumSet.of(Track.A, Track.B)).marked();
        assertEquals(PAYLOAD, engine.detect(marked).track(Track.B).payload().getAsLong());
    }

    @Test
    void tooSmallImageIsRejected() {
        BufferedImage tiny = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        WatermarkException e = assertThrows(WatermarkException.class,
                () -> engine.embed(tiny, PAYLOAD, EnumSet.of(Track.B)));
        assertTrue(e.getMessage().contains("128"));
    }

    @Test
    void trackCNotConfigured() throws IOException {
        DetectionResult result = engine.detect(photo("coffee.png"));
        assertEquals(TrackDetection.Status.NOT_CONFIGURED, result.track(Track.C).status());
        assertThrows(WatermarkException.class, () -> engine.embed(photo("coffee.png"), PAYLOAD, EnumSet.of(Track.C)));
    }

    @Test
    void trackCRoundTripWithRivaGan() throws IOException {
        Path models = Path.of(System.getProperty("certana.shared.dir", "../shared"), "models", "rivagan");
        Assumptions.assumeTrue(Files.isDirectory(models), "RivaGAN model folder absent: " + models);
        WatermarkSettings settings = WatermarkSettings.withKey("unit-test-key-0123456789".getBytes(StandardCharsets.UTF_8))
                .withNeuralModel(NeuralModelSettings.rivaGan(models, 256));
        try (WatermarkEngine neural = new WatermarkEngine(settings)) {
            EmbedResult embedded = neural.embed(photo("coffee.png"), PAYLOAD, EnumSet.of(Track.C));
            assertTrue(embedded.quality().get(Track.C).psnrDb() > 35);
            TrackDetection c = neural.detect(embedded.marked()).track(Track.C);
            assertTrue(c.detected());
            assertEquals(neural.neuralPayload(PAYLOAD), c.payload().getAsLong());
        }
    }

    private static void assertRecovered(BufferedImage attacked, String attack) {
        TrackDetection b = engine.detect(attacked).track(Track.B);
        assertTrue(b.detected(), attack + ": Track B not detected");
        assertEquals(PAYLOAD, b.payload().getAsLong(), attack);
    }

    private static BufferedImage photo(String name) throws IOException {
        File file = SKIMAGE.resolve(name).toFile();
        Assumptions.assumeTrue(file.isFile(), "python3-skimage photo absent: " + file);
        BufferedImage image = ImageIO.read(file);
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Smooth random texture in 30..225, a stand-in for photo content. */
    private static int[] texture(int width, int height, long seed) {
        Random random = new Random(seed);
        double[] phases = new double[12];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = random.nextDouble() * 2 * Math.PI;
        }
        int[] values = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 0;
                for (int k = 0; k < 6; k++) {
                    v += Math.sin(x * 0.013 * (k + 1) + phases[2 * k]) * Math.cos(y * 0.017 * (k + 1) + phases[2 * k + 1]);
                }
                values[y * width + x] = (int) Math.max(30, Math.min(225, 128 + 25 * v + random.nextGaussian() * 6));
            }
        }
        return values;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(copy(image), null, null), param);
        } finally {
            writer.dispose();
        }
        return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static BufferedImage crop(BufferedImage image, double keep) {
        int w = (int) Math.round(image.getWidth() * keep);
        int h = (int) Math.round(image.getHeight() * keep);
        return copy(image.getSubimage((image.getWidth() - w) / 2, (image.getHeight() - h) / 2, w, h));
    }

    private static BufferedImage flip(BufferedImage image) {
        AffineTransform t = new AffineTransform(-1, 0, 0, 1, image.getWidth(), 0);
        return new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(copy(image), null);
    }

    private static BufferedImage rotate90(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(y, image.getWidth() - 1 - x, image.getRGB(x, y));
            }
        }
        return out;
    }

    private static BufferedImage rotate(BufferedImage image, double radians) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.rotate(-radians, image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage resize(BufferedImage image, double scale) {
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage noise(BufferedImage image, double sigma) {
        Random random = new Random(11);
        BufferedImage out = copy(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                int r = clamp(((p >> 16) & 0xff) + random.nextGaussian() * sigma);
                int g = clamp(((p >> 8) & 0xff) + random.nextGaussian() * sigma);
                int b = clamp((p & 0xff) + random.nextGaussian() * sigma);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
