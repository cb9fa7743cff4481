package io.certana.imaging.decode;

import io.certana.imaging.TestImages;
import io.certana.imaging.encode.ImageEncoder;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    private static int channelDifference(int a, int b) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF)));
        }
        return max;
    }

    @Test
    void decodesJpegIntoIntRgbLayout() throws Exception {
        BufferedImage source = TestImages.gradient(120, 80);
        byte[] jpeg = new ImageEncoder().encodeJpeg(source, 0.95f);

        DecodedImage decoded = decoder.decode(jpeg);

        assertEquals(ImageFormat.JPEG, decoded.format());
        assertEquals(BufferedImage.TYPE_INT_RGB, decoded.image().getType());
        assertEquals(120, decoded.width());
        assertEquals(80, decoded.height());
        assertEquals(1, decoded.orientation());
        int[] pixels = IntImages.pixels(decoded.image());
        assertEquals(120 * 80, pixels.length);
        // A smooth gradient at quality 95 stays within a few levels of the source.
        assertTrue(channelDifference(pixels[0], source.getRGB(0, 0)) <= 6);
        assertTrue(channelDifference(pixels[pixels.length - 1], source.getRGB(119, 79)) <= 6);
    }

    @Test
    void keepsGreyValuesUnchanged() throws Exception {
        BufferedImage grey = new BufferedImage(16, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 16; x++) {
            grey.getRaster().setSample(x, 0, 0, x * 16);
        }

        DecodedImage decoded = decoder.decode(TestImages.encode(grey, "png"));

        assertTrue(decoded.grayscaleSource());
        int[] pixels = IntImages.pixels(decoded.image());
        for (int x = 0; x < 16; x++) {
            int v = x * 16;
            // Java2D would treat CS_GRAY as linear and brighten mid-greys; the values must stay as stored.
            assertEquals((v << 16) | (v << 8) | v, pixels[x], "grey level " + v);
        }
    }

    @Test
    void scalesSixteenBitSamplesWithRounding() throws Exception {
        BufferedImage grey16 = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) grey16.getRaster().getDataBuffer()).getData();
        data[0] = 0;
        data[1] = (short) 0x8080;
        data[2] = (short) 0x7F7F;
        data[3] = (short) 0xFFFF;

        int[] pixels = IntImages.pixels(decoder.decode(TestImages.encode(grey16, "png")).image());

        assertEquals(0x000000, pixels[0]);
        assertEquals(0x808080, pixels[1]);
        assertEquals(0x7F7F7F, pixels[2]);
        assertEquals(0xFFFFFF, pixels[3]);
    }

    @Test
    void decodesPaletteWithTransparency() throws Exception {
        byte[] r = {(byte) 255, 0, 0};
        byte[] g = {0, (byte) 255, 0};
        byte[] b = {0, 0, (byte) 255};
        byte[] a = {(byte) 255, (byte) 128, 0};
        IndexColorModel palette = new IndexColorModel(8, 3, r, g, b, a);
        BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        WritableRaster raster = indexed.getRaster();
        raster.setSample(0, 0, 0, 0);
        raster.setSample(1, 0, 0, 1);
        raster.setSample(2, 0, 0, 2);

        DecodedImage decoded = decoder.decode(TestImages.encode(indexed, "png"));

        assertTrue(decoded.hasAlpha());
        int[] pixels = IntImages.pixels(decoded.image());
        assertEquals(0xFFFF0000, pixels[0]);
        assertEquals(0x8000FF00, pixels[1]);
        // Fully transparent pixels keep their colour: alpha is never composited.
        assertEquals(0x000000FF, pixels[2]);
    }

    @Test
    void keepsColourUnderZeroAlpha() throws Exception {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00123456);
        argb.setRGB(1, 0, 0xFF654321);

        DecodedImage decoded = decoder.decode(TestImages.encode(argb, "png"));

        assertEquals(BufferedImage.TYPE_INT_ARGB, decoded.image().getType());
        int[] pixels = IntImages.pixels(decoded.image());
        assertEquals(0x00123456, pixels[0]);
        assertEquals(0xFF654321, pixels[1]);
    }

    @Test
    void decodesGifAndBmp() throws Exception {
        BufferedImage source = TestImages.gradient(20, 10);
        assertEquals(ImageFormat.BMP, decoder.decode(TestImages.encode(source, "bmp")).format());
        DecodedImage gif = decoder.decode(TestImages.encode(source, "gif"));
        assertEquals(ImageFormat.GIF, gif.format());
        assertEquals(20, gif.width());
    }

    @Test
    void rejectsTruncatedJpeg() throws Exception {
        byte[] jpeg = new ImageEncoder().encodeJpeg(TestImages.noise(256, 256, 1), 0.9f);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(truncated));

        assertEquals(ImageDecodeException.Kind.CORRUPT, e.kind());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void rejectsTruncatedPng() throws Exception {
        byte[] png = TestImages.encode(TestImages.noise(64, 64, 2), "png");
        byte[] truncated = Arrays.copyOf(png, png.length - 20);

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(truncated));

        assertEquals(ImageDecodeException.Kind.CORRUPT, e.kind());
    }

    @Test
    void rejectsTruncatedCopiesOfEveryFormat() throws Exception {
        BufferedImage noise = TestImages.noise(200, 150, 5);
        for (String format : new String[] {"jpeg", "png", "gif", "bmp", "tiff"}) {
            byte[] complete = TestImages.encode(noise, format);
            for (double kept : new double[] {0.5, 0.9, 0.99}) {
                byte[] truncated = Arrays.copyOf(complete, (int) (complete.length * kept));

                ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(truncated),
                        format + " cut to " + kept);

                assertEquals(ImageDecodeException.Kind.CORRUPT, e.kind(), format + " cut to " + kept + ": " + e.getMessage());
            }
        }
    }

    @Test
    void decodesAdobeCmykJpeg() throws Exception {
        // Four 8-pixel patches: cyan, magenta, yellow, black. Adobe CMYK JPEGs store inverted
        // samples (255 = no ink) and mark this in an APP14 "Adobe" segment with transform 0.
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 8, 4, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 32; x++) {
                int[] inverted = {255, 255, 255, 255};
                inverted[x / 8] = 0;
                cmyk.setPixel(x, y, inverted);
            }
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(encoded)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f);
            writer.write(null, new IIOImage(cmyk, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] plain = encoded.toByteArray();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.write(plain, 0, 2);
        jpeg.writeBytes(app14);
        jpeg.write(plain, 2, plain.length - 2);

        DecodedImage decoded = decoder.decode(jpeg.toByteArray());

        assertEquals(BufferedImage.TYPE_INT_RGB, decoded.image().getType());
        int[] expected = {0x00FFFF, 0xFF00FF, 0xFFFF00, 0x000000};
        for (int patch = 0; patch < 4; patch++) {
            int actual = decoded.image().getRGB(patch * 8 + 4, 4) & 0xFFFFFF;
            assertTrue(channelDifference(actual, expected[patch]) <= 8,
                    String.format("patch %d: %06x, expected %06x", patch, actual, expected[patch]));
        }
    }

    @Test
    void iccProfileAppliedOnlyWhenOriented() throws Exception {
        // Mid-grey 128 tagged with a linear-light RGB profile is sRGB 188 once converted.
        int[] grey = new int[16 * 16];
        Arrays.fill(grey, 0x808080);
        byte[] plain = new ImageEncoder().encodeJpeg(IntImages.wrap(grey, 16, 16, false), 1f);
        byte[] jpeg = withIccProfile(plain, java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData());

        int oriented = decoder.decode(jpeg, DecodeMode.ORIENTED).image().getRGB(8, 8) & 0xFF;
        int raw = decoder.decode(jpeg, DecodeMode.RAW).image().getRGB(8, 8) & 0xFF;

        assertTrue(Math.abs(raw - 128) <= 1, "raw value " + raw);
        assertTrue(Math.abs(oriented - 188) <= 2, "oriented value " + oriented);
    }

    @Test
    void pngIccProfileAppliedOnlyWhenOriented() throws Exception {
        int[] grey = new int[16 * 16];
        Arrays.fill(grey, 0x808080);
        byte[] plain = TestImages.encode(IntImages.wrap(grey, 16, 16, false), "png");
        byte[] png = withIccpChunk(plain, java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData());

        DecodedImage oriented = decoder.decode(png, DecodeMode.ORIENTED);
        int raw = decoder.decode(png, DecodeMode.RAW).image().getRGB(8, 8) & 0xFF;

        assertEquals(128, raw);
        assertTrue(Math.abs((oriented.image().getRGB(8, 8) & 0xFF) - 188) <= 2, "oriented value");
        assertTrue(oriented.warnings().isEmpty(), oriented.warnings().toString());
    }

    @Test
    void damagedPngIccProfileIsIgnored() throws Exception {
        byte[] plain = TestImages.encode(TestImages.gradient(16, 16), "png");
        byte[] png = withIccpChunk(plain, "not an ICC profile".getBytes(StandardCharsets.US_ASCII));

        DecodedImage decoded = decoder.decode(png);

        assertEquals(TestImages.gradient(16, 16).getRGB(5, 5), decoded.image().getRGB(5, 5) | 0xFF000000);
        assertTrue(decoded.warnings().get(0).startsWith("PNG ICC profile ignored"), decoded.warnings().toString());
    }

    @Test
    void rejectsPngWithBadCrc() throws Exception {
        byte[] png = TestImages.encode(TestImages.gradient(16, 16), "png");
        png[png.length - 20] ^= 0x01; // inside the last IDAT chunk or its CRC

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(png));

        assertEquals(ImageDecodeException.Kind.CORRUPT, e.kind());
    }

    @Test
    void rejectsPixelBudgetFromHeader() throws Exception {
        byte[] png = TestImages.encode(TestImages.gradient(100, 100), "png");
        ImageDecoder small = new ImageDecoder(DecodeLimits.defaults().withMaxPixels(9_999));

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> small.decode(png));

        assertEquals(ImageDecodeException.Kind.TOO_LARGE, e.kind());
        assertEquals(413, e.httpStatus());
        assertTrue(e.getMessage().contains("100 × 100"), e.getMessage());
    }

    @Test
    void rejectsFilesOverByteLimit() throws Exception {
        byte[] png = TestImages.encode(TestImages.noise(64, 64, 3), "png");
        ImageDecoder small = new ImageDecoder(DecodeLimits.defaults().withMaxBytes(1000));

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> small.decode(png));

        assertEquals(ImageDecodeException.Kind.TOO_LARGE, e.kind());
    }

    @Test
    void namesUnsupportedFormat() {
        byte[] heic = "\0\0\0\30ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(heic));

        assertEquals(ImageDecodeException.Kind.UNSUPPORTED, e.kind());
        assertEquals(415, e.httpStatus());
        assertTrue(e.getMessage().startsWith("HEIC"), e.getMessage());
    }

    @Test
    void rejectsEmptyAndTextInput() {
        ImageDecodeException empty = assertThrows(ImageDecodeException.class, () -> decoder.decode(new byte[0]));
        assertEquals(ImageDecodeException.Kind.CORRUPT, empty.kind());
        ImageDecodeException text = assertThrows(ImageDecodeException.class,
                () -> decoder.decode("hello, world".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ImageDecodeException.Kind.UNSUPPORTED, text.kind());
    }

    @Test
    void timeLimitStopsDecoding() throws Exception {
        byte[] jpeg = new ImageEncoder().encodeJpeg(TestImages.noise(2000, 2000, 4), 0.9f);
        ImageDecoder hurried = new ImageDecoder(DecodeLimits.defaults().withTimeLimit(Duration.ofNanos(1000)));

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> hurried.decode(jpeg));

        assertEquals(ImageDecodeException.Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("time limit"), e.getMessage());
    }

    @Test
    void appliesExifOrientationSix() throws Exception {
        BufferedImage source = TestImages.gradient(60, 40);
        byte[] jpeg = withOrientation(new ImageEncoder().encodeJpeg(source, 0.95f), 6);

        DecodedImage oriented = decoder.decode(jpeg, DecodeMode.ORIENTED);
        DecodedImage raw = decoder.decode(jpeg, DecodeMode.RAW);

        assertEquals(6, oriented.orientation());
        assertTrue(oriented.orientationApplied());
        assertEquals(40, oriented.width());
        assertEquals(60, oriented.height());
        assertFalse(raw.orientationApplied());
        assertEquals(60, raw.width());
        // Orientation 6 rotates 90° clockwise: the stored top-left corner shows at the top right.
        int storedTopLeft = raw.image().getRGB(0, 0);
        assertTrue(channelDifference(oriented.image().getRGB(39, 0), storedTopLeft) <= 2);
        int storedBottomLeft = raw.image().getRGB(0, 39);
        assertTrue(channelDifference(oriented.image().getRGB(0, 0), storedBottomLeft) <= 2);
    }

    @Test
    void treatsOrientationNineAsNormal() throws Exception {
        byte[] jpeg = withOrientation(new ImageEncoder().encodeJpeg(TestImages.gradient(30, 20), 0.9f), 9);

        DecodedImage decoded = decoder.decode(jpeg);

        assertEquals(1, decoded.orientation());
        assertEquals(30, decoded.width());
    }

    @Test
    void orientationTransformsMatchExifDefinition() {
        // 3 × 2 image, values 0..5 in row-major order.
        int[] stored = {0, 1, 2, 3, 4, 5};
        assertEquals(Arrays.toString(new int[] {2, 1, 0, 5, 4, 3}), Arrays.toString(ExifOrientation.apply(stored, 3, 2, 2)));
        assertEquals(Arrays.toString(new int[] {5, 4, 3, 2, 1, 0}), Arrays.toString(ExifOrientation.apply(stored, 3, 2, 3)));
        assertEquals(Arrays.toString(new int[] {3, 4, 5, 0, 1, 2}), Arrays.toString(ExifOrientation.apply(stored, 3, 2, 4)));
        assertEquals(Arrays.toString(new int[] {0, 3, 1, 4, 2, 5}), Arrays.toString(ExifOrientation.apply(stored, 3, 2, 5)));
        assertEquals(Arrays.toString(new int[] {3, 0, 4, 1, 5, 2}), Arrays.toString(ExifOrientation.apply(stored, 3, 2, 6)));
        assertEquals(Arrays.toString(new int[] {5, 2, 4, 1, 3, 0}), Arrays.toString(ExifOrientation.apply(stored, 3, 2, 7)));
        assertEquals(Arrays.toString(new int[] {2, 5, 1, 4, 0, 3}), Arrays.toString(ExifOrientation.apply(stored, 3, 2, 8)));
    }

    @Test
    void tiffWithIfdCycleDecodesFirstPage() throws Exception {
        byte[] tiff = greyTiffWithNextIfd(8); // IFD0 names itself as the next IFD: an endless chain

        DecodedImage decoded = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> decoder.decode(tiff));

        assertEquals(ImageFormat.TIFF, decoded.format());
        assertEquals(2, decoded.width());
        assertEquals(0x404040, IntImages.pixels(decoded.image())[1]);
    }

    @Test
    void inPlaceOrientationEqualsCopy() {
        java.util.Random random = new java.util.Random(6);
        for (int[] size : new int[][] {{3, 2}, {1, 9}, {7, 5}, {64, 48}, {301, 199}}) {
            int[] stored = random.ints(size[0] * size[1]).toArray();
            for (int orientation = 1; orientation <= 8; orientation++) {
                int[] inPlace = stored.clone();
                ExifOrientation.applyInPlace(inPlace, size[0], size[1], orientation);

                assertEquals(Arrays.toString(ExifOrientation.apply(stored, size[0], size[1], orientation)),
                        Arrays.toString(inPlace), size[0] + " × " + size[1] + ", orientation " + orientation);
            }
        }
    }

    @Test
    void decodesSkimagePhoto() throws Exception {
        byte[] png = Files.readAllBytes(TestImages.requireSkimagePhoto("astronaut.png"));

        DecodedImage decoded = decoder.decode(png);

        assertEquals(512, decoded.width());
        assertEquals(512, decoded.height());
        assertEquals(ImageFormat.PNG, decoded.format());
    }

    /** Builds a 2 × 2 8-bit grey TIFF, little-endian, whose IFD0 points to {@code nextIfd} as the next IFD. */
    static byte[] greyTiffWithNextIfd(int nextIfd) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 9 * 12 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 9);
        int pixelOffset = 8 + 2 + 9 * 12 + 4;
        int[][] entries = {
                {256, 3, 1, 2}, // ImageWidth
                {257, 3, 1, 2}, // ImageLength
                {258, 3, 1, 8}, // BitsPerSample
                {259, 3, 1, 1}, // Compression: none
                {262, 3, 1, 1}, // PhotometricInterpretation: BlackIsZero
                {273, 4, 1, pixelOffset}, // StripOffsets
                {277, 3, 1, 1}, // SamplesPerPixel
                {278, 3, 1, 2}, // RowsPerStrip
                {279, 4, 1, 4}, // StripByteCounts
        };
        for (int[] entry : entries) {
            b.putShort((short) entry[0]).putShort((short) entry[1]).putInt(entry[2]);
            if (entry[1] == 3) {
                b.putShort((short) entry[3]).putShort((short) 0);
            } else {
                b.putInt(entry[3]);
            }
        }
        b.putInt(nextIfd);
        b.put((byte) 0x00).put((byte) 0x40).put((byte) 0x80).put((byte) 0xFF);
        return b.array();
    }

    /** Inserts an iCCP chunk with the zlib-compressed {@code profile} right after IHDR. */
    static byte[] withIccpChunk(byte[] png, byte[] profile) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflater = new java.util.zip.DeflaterOutputStream(compressed)) {
            deflater.write(profile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("iCCPtest".getBytes(StandardCharsets.ISO_8859_1));
        body.write(0); // end of the profile name
        body.write(0); // compression method: zlib
        body.writeBytes(compressed.toByteArray());
        byte[] typeAndData = body.toByteArray();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeAndData);

        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteBuffer out = ByteBuffer.allocate(png.length + 12 + typeAndData.length - 4);
        out.put(png, 0, afterIhdr);
        out.putInt(typeAndData.length - 4);
        out.put(typeAndData);
        out.putInt((int) crc.getValue());
        out.put(png, afterIhdr, png.length - afterIhdr);
        return out.array();
    }

    /** Inserts an APP2 "ICC_PROFILE" segment (one chunk of one) after SOI. */
    static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 12 + 2 + profile.length;
        out.write(0xFF);
        out.write(0xE2);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
        out.write(1); // chunk number
        out.write(1); // chunk count
        out.writeBytes(profile);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Inserts an Exif APP1 segment with one IFD0 entry, Orientation = {@code value}, after SOI. */
    static byte[] withOrientation(byte[] jpeg, int value) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at offset 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) value, 0, 0, // Orientation, SHORT, count 1
                0, 0, 0, 0 // no next IFD
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + 6 + tiff.length;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
