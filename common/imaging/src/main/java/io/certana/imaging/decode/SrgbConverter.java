package io.certana.imaging.decode;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Converts whatever an ImageIO reader returns into Certana's fixed layout: 8-bit sRGB in
 * {@link BufferedImage#TYPE_INT_RGB}, or {@link BufferedImage#TYPE_INT_ARGB} when the source has
 * alpha (see {@link DecodedImage}).
 *
 * <p>Rules:
 * <ul>
 * <li>Grey samples are sRGB-encoded grey (r = g = b = value). Java's built-in {@code CS_GRAY} is
 * linear, and letting Java2D convert it would brighten every grey image, so it is never used.</li>
 * <li>Samples wider than 8 bits are scaled with rounding: {@code v8 = (v * 255 + max / 2) / max},
 * with {@code max = 2^bits - 1} (65535 for 16-bit).</li>
 * <li>Palette entries are sRGB colours, alpha from the palette (PNG tRNS) is kept.</li>
 * <li>CMYK and other colour spaces are converted to sRGB through their ICC profile (LittleCMS in
 * the JDK).</li>
 * <li>RGB or grey data tagged with an ICC profile other than sRGB is converted to sRGB only when
 * {@code applyProfile} is set ({@link DecodeMode#ORIENTED}); otherwise the coded values are kept.</li>
 * <li>Alpha is copied unchanged; colour values are never premultiplied or composited.</li>
 * </ul>
 */
final class SrgbConverter {

    private static final ColorSpace LINEAR_GRAY = ColorSpace.getInstance(ColorSpace.CS_GRAY);

    private SrgbConverter() {
    }

    static BufferedImage toSrgb(BufferedImage source, boolean applyProfile) {
        ColorModel colorModel = source.getColorModel();
        if (colorModel instanceof IndexColorModel) {
            return fromPalette(source, (IndexColorModel) colorModel);
        }
        ColorSpace colorSpace = colorModel.getColorSpace();
        int colorComponents = colorModel.getNumColorComponents();
        boolean alpha = colorModel.hasAlpha();
        boolean grey = colorComponents == 1;
        boolean rgb = colorComponents == 3 && colorSpace.getType() == ColorSpace.TYPE_RGB;

        boolean storedValuesAreSrgb = colorSpace.isCS_sRGB()
                || colorSpace == LINEAR_GRAY
                || ((grey || rgb) && !applyProfile);
        if (!storedValuesAreSrgb || colorModel.isAlphaPremultiplied()) {
            return convertWithProfile(source, alpha);
        }
        if (source.getType() == BufferedImage.TYPE_INT_RGB && hasPlainIntLayout(source)) {
            return source;
        }
        if (source.getType() == BufferedImage.TYPE_INT_ARGB && hasPlainIntLayout(source)) {
            return source;
        }
        return copySamples(source, grey, alpha);
    }

    private static boolean hasPlainIntLayout(BufferedImage image) {
        Raster raster = image.getRaster();
        return raster.getDataBuffer() instanceof DataBufferInt
                && raster.getDataBuffer().getNumBanks() == 1
                && raster.getDataBuffer().getOffset() == 0
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel().getWidth() == image.getWidth()
                && raster.getDataBuffer().getSize() == image.getWidth() * image.getHeight();
    }

    /** Copies grey or RGB samples (with optional alpha) that are already sRGB-encoded. */
    private static BufferedImage copySamples(BufferedImage source, boolean grey, boolean alpha) {
        int width = source.getWidth();
        int height = source.getHeight();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        Raster raster = source.getRaster();
        ColorModel colorModel = source.getColorModel();
        int bands = raster.getNumBands();
        // Band order of the colour model: colour components first, alpha last.
        int r = 0;
        int g = grey ? 0 : 1;
        int b = grey ? 0 : 2;
        int a = alpha ? bands - 1 : -1;

        if (copyInterleavedBytes(raster, out, width, height, r, g, b, a)) {
            return target;
        }
        int[] maxValues = new int[bands];
        for (int band = 0; band < bands; band++) {
            maxValues[band] = (1 << Math.min(colorModel.getComponentSize(band), 30)) - 1;
        }
        int[] row = new int[width * bands];
        for (int y = 0; y < height; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            int o = y * width;
            for (int x = 0, i = 0; x < width; x++, i += bands) {
                int red = to8Bit(row[i + r], maxValues[r]);
                int green = to8Bit(row[i + g], maxValues[g]);
                int blue = to8Bit(row[i + b], maxValues[b]);
                int alphaValue = a >= 0 ? to8Bit(row[i + a], maxValues[a]) : 0;
                out[o + x] = (alphaValue << 24) | (red << 16) | (green << 8) | blue;
            }
        }
        return target;
    }

    /** Fast path for 8-bit interleaved rasters (TYPE_3BYTE_BGR, TYPE_4BYTE_ABGR, TYPE_BYTE_GRAY). */
    private static boolean copyInterleavedBytes(Raster raster, int[] out, int width, int height, int r, int g, int b, int a) {
        if (!(raster.getDataBuffer() instanceof DataBufferByte) || !(raster.getSampleModel() instanceof ComponentSampleModel)
                || raster.getDataBuffer().getNumBanks() != 1) {
            return false;
        }
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        for (int bits : model.getSampleSize()) {
            if (bits != 8) {
                return false;
            }
        }

        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        int[] offsets = model.getBandOffsets();
        int pixelStride = model.getPixelStride();
        int scanlineStride = model.getScanlineStride();
        int base = raster.getDataBuffer().getOffset()
                + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanlineStride
                + (raster.getMinX() - raster.getSampleModelTranslateX()) * pixelStride;
        int ro = offsets[r];
        int go = offsets[g];
        int bo = offsets[b];
        int ao = a >= 0 ? offsets[a] : -1;

        for (int y = 0; y < height; y++) {
            int p = base + y * scanlineStride;
            int o = y * width;
            for (int x = 0; x < width; x++, p += pixelStride) {
                int alpha = ao >= 0 ? (data[p + ao] & 0xFF) << 24 : 0;
                out[o + x] = alpha | (data[p + ro] & 0xFF) << 16 | (data[p + go] & 0xFF) << 8 | (data[p + bo] & 0xFF);
            }
        }
        return true;
    }

    private static BufferedImage fromPalette(BufferedImage source, IndexColorModel palette) {
        int width = source.getWidth();
        int height = source.getHeight();
        boolean alpha = palette.getTransparency() != Transparency.OPAQUE;
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        int[] lookup = new int[palette.getMapSize()];
        palette.getRGBs(lookup); // sRGB ARGB entries
        Raster raster = source.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int index = row[x];
                // An index beyond the palette is damaged data: libpng shows it as black, so does this.
                int argb = index < lookup.length ? lookup[index] : 0xFF000000;
                out[o + x] = alpha ? argb : argb & 0x00FFFFFF;
            }
        }
        return target;
    }

    /** Converts through the colour space's ICC profile (CMYK, YCCK, Adobe RGB, Display P3, ...). */
    private static BufferedImage convertWithProfile(BufferedImage source, boolean alpha) {
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(source, target);
        return target;
    }

    /**
     * Converts an image in the {@link DecodedImage} layout whose values are encoded in
     * {@code profile} (an RGB or grey ICC profile) to sRGB through LittleCMS, keeping alpha.
     * Returns the image unchanged for profiles of other colour spaces (the caller warns).
     */
    static BufferedImage convertFromProfile(BufferedImage image, ICC_Profile profile) {
        int bands;
        if (profile.getColorSpaceType() == ColorSpace.TYPE_RGB) {
            bands = 3;
        } else if (profile.getColorSpaceType() == ColorSpace.TYPE_GRAY) {
            bands = 1;
        } else {
            return image;
        }

        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = IntImages.pixels(image);
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, bands, null);
        byte[] samples = ((DataBufferByte) raster.getDataBuffer()).getData();
        for (int i = 0, j = 0; i < pixels.length; i++) {
            int pixel = pixels[i];
            if (bands == 3) {
                samples[j++] = (byte) (pixel >>> 16);
                samples[j++] = (byte) (pixel >>> 8);
            }
            samples[j++] = (byte) pixel;
        }
        ColorModel model = new ComponentColorModel(new ICC_ColorSpace(profile), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage tagged = new BufferedImage(model, raster, false, null);

        boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(tagged, target);
        int[] converted = IntImages.pixels(target);
        for (int i = 0; i < converted.length; i++) {
            converted[i] = (converted[i] & 0x00FFFFFF) | (alpha ? pixels[i] & 0xFF000000 : 0);
        }
        return alpha ? IntImages.wrap(converted, width, height, true) : target;
    }

    private static int to8Bit(int value, int max) {
        if (max == 255) {
            return value & 0xFF;
        }
        long scaled = ((long) value * 255 + max / 2) / max;
        return (int) Math.min(255, Math.max(0, scaled));
    }
}
