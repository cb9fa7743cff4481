package io.certana.imaging.decode;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Helpers for images in the {@link DecodedImage} layout: packed ints, stride equal to width. */
public final class IntImages {

    private static final DirectColorModel RGB = new DirectColorModel(24, 0x00FF0000, 0x0000FF00, 0x000000FF);

    private IntImages() {
    }

    /**
     * Wraps row-major {@code pixels} (0x00RRGGBB, or 0xAARRGGBB when {@code alpha}) in a
     * {@link BufferedImage} of type TYPE_INT_RGB or TYPE_INT_ARGB without copying.
     */
    public static BufferedImage wrap(int[] pixels, int width, int height, boolean alpha) {
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("pixel array has " + pixels.length + " elements, expected "
                    + width + " × " + height);
        }
        ColorModel model = alpha ? ColorModel.getRGBdefault() : RGB;
        int[] masks = alpha
                ? new int[] {0x00FF0000, 0x0000FF00, 0x000000FF, 0xFF000000}
                : new int[] {0x00FF0000, 0x0000FF00, 0x000000FF};
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(pixels, pixels.length), width, height, width, masks, null);
        return new BufferedImage(model, raster, false, null);
    }

    /**
     * Returns the backing array of an image in the {@link DecodedImage} layout (not a copy).
     *
     * @throws IllegalArgumentException when {@code image} is not TYPE_INT_RGB or TYPE_INT_ARGB
     */
    public static int[] pixels(BufferedImage image) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("image must be TYPE_INT_RGB or TYPE_INT_ARGB, was type " + type);
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
