package io.certana.imaging.decode;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A decoded upload in the fixed layout every Certana module works on.
 *
 * <p>{@code image} is always 8-bit sRGB backed by one {@link java.awt.image.DataBufferInt}: either
 * {@link BufferedImage#TYPE_INT_RGB} (0x00RRGGBB per pixel) or, when the source has an alpha
 * channel, {@link BufferedImage#TYPE_INT_ARGB} (0xAARRGGBB, not premultiplied). Rows are stored
 * top to bottom with a scanline stride equal to the width, so pixel (x, y) is element
 * {@code y * width + x}. RGB values are never composited onto a background: alpha is carried as
 * its own channel.
 *
 * @param image the pixels, in the layout described above
 * @param format container format detected from the leading bytes
 * @param storedWidth width as stored in the file, before orientation
 * @param storedHeight height as stored in the file, before orientation
 * @param orientation EXIF orientation found (1 to 8; 1 when absent or out of range)
 * @param orientationApplied whether {@code orientation} was applied to {@code image}
 * @param grayscaleSource whether the source had a single colour channel (grey, with or without alpha)
 * @param frameCount frames found in the file, counted within the time limit (-1 when not counted)
 * @param warnings non-fatal decoder messages, for logs
 */
public record DecodedImage(
        BufferedImage image,
        ImageFormat format,
        int storedWidth,
        int storedHeight,
        int orientation,
        boolean orientationApplied,
        boolean grayscaleSource,
        int frameCount,
        List<String> warnings) {

    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("image must be TYPE_INT_RGB or TYPE_INT_ARGB, was type " + type);
        }
        warnings = List.copyOf(warnings);
    }

    /** Width of {@link #image()}, after orientation in {@link DecodeMode#ORIENTED}. */
    public int width() {
        return image.getWidth();
    }

    /** Height of {@link #image()}, after orientation in {@link DecodeMode#ORIENTED}. */
    public int height() {
        return image.getHeight();
    }

    /** Returns whether the image carries an alpha channel ({@link BufferedImage#TYPE_INT_ARGB}). */
    public boolean hasAlpha() {
        return image.getType() == BufferedImage.TYPE_INT_ARGB;
    }
}
