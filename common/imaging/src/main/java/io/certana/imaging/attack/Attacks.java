package io.certana.imaging.attack;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

import io.certana.imaging.encode.ImageEncoder;

/**
 * Edits that a copy of a registered image goes through, written in Java after the definitions of
 * the watermark evaluation harness's attack suite: recompression, rescaling, crops, rotations,
 * colour changes, and local edits (a sticker, a region pasted from another photo). Every attack is
 * deterministic, so tests and the calibration command see the same pixels on every run.
 */
public final class Attacks {

    private static final ImageEncoder ENCODER = new ImageEncoder();

    private Attacks() {
    }

    /** An attacked copy: the file bytes a verifier receives, and the edited area for local edits. */
    public record Copy(String name, byte[] bytes, String mediaType, Rectangle editedArea) {

        public Copy(String name, byte[] bytes, String mediaType) {
            this(name, bytes, mediaType, null);
        }
    }

    /** Re-encodes as JPEG at a quality of 1..100 (libjpeg's scale, as Pillow's {@code quality=}). */
    public static Copy jpeg(BufferedImage image, int quality) {
        return new Copy("jpeg" + quality, ENCODER.encodeJpeg(image, quality / 100f), "image/jpeg");
    }

    /** Scales to {@code scale} of each side (bicubic), kept at the smaller size, as PNG. */
    public static Copy resize(BufferedImage image, double scale) {
        int width = (int) Math.round(image.getWidth() * scale);
        int height = (int) Math.round(image.getHeight() * scale);
        return png("resize" + Math.round(scale * 100), scaled(image, width, height));
    }

    /** Scales to {@code scale} and back to the original size (bicubic both ways), as the harness's resize50. */
    public static Copy resizeBack(BufferedImage image, double scale) {
        BufferedImage small = scaled(image, (int) Math.round(image.getWidth() * scale),
                (int) Math.round(image.getHeight() * scale));
        return png("resizeback" + Math.round(scale * 100), scaled(small, image.getWidth(), image.getHeight()));
    }

    /** Crops at the centre, keeping {@code keep} of the width and of the height, not rescaled, as PNG. */
    public static Copy centreCrop(BufferedImage image, double keep) {
        int width = (int) Math.round(image.getWidth() * keep);
        int height = (int) Math.round(image.getHeight() * keep);
        int x = (image.getWidth() - width) / 2;
        int y = (image.getHeight() - height) / 2;
        return png("crop" + Math.round((1 - keep) * 100), copyOf(image.getSubimage(x, y, width, height)));
    }

    /** Rescales to a width of {@code width} pixels keeping the aspect ratio (bilinear), as a screenshot would, PNG. */
    public static Copy screenshot(BufferedImage image, int width) {
        int height = (int) Math.round((double) image.getHeight() * width / image.getWidth());
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return png("screenshot" + width, out);
    }

    /** Rotates counter-clockwise by {@code degrees} about the centre on the same canvas, black corners, PNG. */
    public static Copy rotate(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.setColor(Color.BLACK);
            graphics.fillRect(0, 0, out.getWidth(), out.getHeight());
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            // Java's y axis points down, so a negative angle turns the picture counter-clockwise on screen.
            graphics.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(-degrees),
                    image.getWidth() / 2.0, image.getHeight() / 2.0), null);
        } finally {
            graphics.dispose();
        }
        return png("rot" + Math.round(degrees), out);
    }

    /** Mirrors left to right, PNG. */
    public static Copy horizontalFlip(BufferedImage image) {
        int width = image.getWidth();
        BufferedImage out = new BufferedImage(width, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(width - 1 - x, y, image.getRGB(x, y));
            }
        }
        return png("hflip", out);
    }

    /** Multiplies every channel by {@code factor}, clipped, as Pillow's ImageEnhance.Brightness, PNG. */
    public static Copy brightness(BufferedImage image, double factor) {
        BufferedImage out = mapChannels(image, value -> value * factor);
        return png("bright" + Math.round(factor * 100), out);
    }

    /**
     * Scales every channel's distance from the image's mean grey by {@code factor}, clipped, as
     * Pillow's ImageEnhance.Contrast, PNG.
     */
    public static Copy contrast(BufferedImage image, double factor) {
        double mean = meanLuma(image);
        return png("contrast" + Math.round(factor * 100), mapChannels(image, value -> mean + (value - mean) * factor));
    }

    /** Adds seeded Gaussian noise of standard deviation {@code sigma} (0..255 scale) per channel, PNG. */
    public static Copy noise(BufferedImage image, double sigma, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int red = clamp(((rgb >> 16) & 0xff) + random.nextGaussian() * sigma);
                int green = clamp(((rgb >> 8) & 0xff) + random.nextGaussian() * sigma);
                int blue = clamp((rgb & 0xff) + random.nextGaussian() * sigma);
                out.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return png("noise" + Math.round(sigma), out);
    }

    /**
     * Covers {@code areaFraction} of the image with an opaque yellow label with text, 40 % of the
     * width wide, near the bottom-right corner, as the harness's sticker10, PNG.
     */
    public static Copy sticker(BufferedImage image, double areaFraction) {
        int width = image.getWidth();
        int height = image.getHeight();
        int stickerWidth = (int) Math.round(width * 0.40);
        int stickerHeight = (int) Math.round(height * areaFraction / 0.40);
        int x1 = width - (int) (0.04 * width);
        int y1 = height - (int) (0.04 * height);
        Rectangle area = new Rectangle(x1 - stickerWidth, y1 - stickerHeight, stickerWidth, stickerHeight);
        BufferedImage out = copyOf(image);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int radius = Math.max(2, stickerHeight / 6);
            graphics.setColor(new Color(250, 210, 40));
            graphics.fillRoundRect(area.x, area.y, area.width, area.height, radius, radius);
            graphics.setColor(new Color(200, 0, 0));
            graphics.setFont(graphics.getFont().deriveFont((float) Math.max(8, stickerHeight / 3)));
            graphics.drawString("SALE -50%", area.x + stickerWidth / 12, area.y + stickerHeight * 2 / 3);
        } finally {
            graphics.dispose();
        }
        return new Copy("sticker" + Math.round(areaFraction * 100), ENCODER.encodePng(out), "image/png", area);
    }

    /**
     * Pastes a rectangle of {@code donor} (its centre, scaled to fit when smaller) over
     * {@code areaFraction} of the image, centred at ({@code centreX}, {@code centreY}) given as
     * fractions of the width and height: a splice of content from another photo. The copy is saved
     * as JPEG 90, as an edited photo usually is.
     */
    public static Copy paste(BufferedImage image, BufferedImage donor, double areaFraction, double centreX,
            double centreY) {
        double side = Math.sqrt(areaFraction);
        int width = (int) Math.round(image.getWidth() * side);
        int height = (int) Math.round(image.getHeight() * side);
        int x = (int) Math.round(image.getWidth() * centreX - width / 2.0);
        int y = (int) Math.round(image.getHeight() * centreY - height / 2.0);
        x = Math.max(0, Math.min(image.getWidth() - width, x));
        y = Math.max(0, Math.min(image.getHeight() - height, y));
        BufferedImage patch = donor.getWidth() >= width && donor.getHeight() >= height
                ? donor.getSubimage((donor.getWidth() - width) / 2, (donor.getHeight() - height) / 2, width, height)
                : scaled(donor, width, height);
        BufferedImage out = copyOf(image);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.drawImage(patch, x, y, null);
        } finally {
            graphics.dispose();
        }
        return new Copy("paste" + Math.round(areaFraction * 100), ENCODER.encodeJpeg(out, 0.90f), "image/jpeg",
                new Rectangle(x, y, width, height));
    }

    private static Copy png(String name, BufferedImage image) {
        return new Copy(name, ENCODER.encodePng(image), "image/png");
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // Halving steps first, so a large reduction averages the pixels it drops instead of skipping them.
            BufferedImage current = image;
            while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
                current = scaledOnce(current, current.getWidth() / 2, current.getHeight() / 2);
            }
            graphics.drawImage(current, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return out;
    }

    private static BufferedImage scaledOnce(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return out;
    }

    private static BufferedImage copyOf(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return out;
    }

    private interface ChannelMap {
        double apply(double value);
    }

    private static BufferedImage mapChannels(BufferedImage image, ChannelMap map) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int red = clamp(map.apply((rgb >> 16) & 0xff));
                int green = clamp(map.apply((rgb >> 8) & 0xff));
                int blue = clamp(map.apply(rgb & 0xff));
                out.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return out;
    }

    /** Mean luma (ITU-R BT.601 weights, as Pillow's convert("L")), the pivot of ImageEnhance.Contrast. */
    private static double meanLuma(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
            }
        }
        return Math.round(sum / ((double) image.getWidth() * image.getHeight()));
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
