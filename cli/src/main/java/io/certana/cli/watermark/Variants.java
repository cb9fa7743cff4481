package io.certana.cli.watermark;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.decode.IntImages;
import io.certana.imaging.encode.ImageEncoder;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The edited copies of a source image that the false-positive survey detects on: crops of several
 * sizes and offsets, rescales, rotations, a mirror image and JPEG copies, as a user or a platform
 * would produce them.
 */
final class Variants {

    /** One edit: a name for the report, and the function producing the edited image. */
    record Variant(String name, UnaryOperator<BufferedImage> edit) {
    }

    private static final ImageEncoder ENCODER = new ImageEncoder();
    private static final ImageDecoder DECODER = new ImageDecoder();

    private Variants() {
    }

    /** All edits, the unedited image first. */
    static List<Variant> all() {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("original", image -> image));
        for (double keep : new double[] {0.9, 0.75, 0.5}) {
            for (String anchor : new String[] {"centre", "top-left", "bottom-right"}) {
                variants.add(new Variant("crop" + Math.round(keep * 100) + "-" + anchor, image -> crop(image, keep, anchor)));
            }
        }
        for (double scale : new double[] {0.5, 0.8, 1.3}) {
            variants.add(new Variant("scale" + Math.round(scale * 100), image -> rescale(image, scale)));
        }
        variants.add(new Variant("rot3", image -> rotate(image, 3)));
        variants.add(new Variant("rot90", Variants::rotate90));
        variants.add(new Variant("hflip", Variants::mirror));
        for (int quality : new int[] {90, 75, 50}) {
            variants.add(new Variant("jpeg" + quality, image -> jpeg(image, quality)));
        }
        return variants;
    }

    /** The few edits applied to images marked with another key. */
    static List<Variant> otherKey() {
        List<Variant> all = all();
        return List.of(all.get(0), find(all, "crop75-centre"), find(all, "rot3"), find(all, "jpeg75"));
    }

    private static Variant find(List<Variant> variants, String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    static BufferedImage crop(BufferedImage image, double keep, String anchor) {
        int w = (int) Math.round(image.getWidth() * keep);
        int h = (int) Math.round(image.getHeight() * keep);
        int x = switch (anchor) {
            case "top-left" -> 0;
            case "bottom-right" -> image.getWidth() - w;
            default -> (image.getWidth() - w) / 2;
        };
        int y = switch (anchor) {
            case "top-left" -> 0;
            case "bottom-right" -> image.getHeight() - h;
            default -> (image.getHeight() - h) / 2;
        };
        return draw(w, h, g -> g.drawImage(image, -x, -y, null));
    }

    static BufferedImage rescale(BufferedImage image, double scale) {
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        return draw(w, h, g -> {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        });
    }

    static BufferedImage rotate(BufferedImage image, double degrees) {
        return draw(image.getWidth(), image.getHeight(), g -> {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.rotate(Math.toRadians(-degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
            g.drawImage(image, 0, 0, null);
        });
    }

    static BufferedImage rotate90(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] in = image.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[(w - 1 - x) * h + y] = in[y * w + x];
            }
        }
        return IntImages.wrap(out, h, w, false);
    }

    static BufferedImage mirror(BufferedImage image) {
        int w = image.getWidth();
        return draw(w, image.getHeight(), g -> g.drawImage(image, w, 0, -w, image.getHeight(), null));
    }

    static BufferedImage jpeg(BufferedImage image, int quality) {
        BufferedImage opaque = draw(image.getWidth(), image.getHeight(), g -> g.drawImage(image, 0, 0, null));
        try {
            return DECODER.decode(ENCODER.encodeJpeg(opaque, quality / 100f), DecodeMode.RAW).image();
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("an in-memory JPEG copy did not decode: " + e.getMessage(), e);
        }
    }

    /** Paints onto a new opaque RGB image of the given size. */
    private static BufferedImage draw(int width, int height, java.util.function.Consumer<Graphics2D> painter) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return out;
    }
}
