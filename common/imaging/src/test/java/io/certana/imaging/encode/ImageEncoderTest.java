package io.certana.imaging.encode;

import io.certana.imaging.TestImages;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.decode.JpegSegments;
import io.certana.imaging.decode.PngChunks;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageEncoderTest {

    private final ImageEncoder encoder = new ImageEncoder();

    @Test
    void jpegOfPhotoWithGpsCarriesNoMetadata() throws Exception {
        Path photo = TestImages.requireShared("data/photos/mei_iphone5-flowers-gps-orientation3.jpg");
        DecodedImage decoded = new ImageDecoder().decode(Files.readAllBytes(photo));

        byte[] jpeg = encoder.encodeJpeg(decoded.image(), 0.85f);

        JpegSegments.Info info = JpegSegments.scan(jpeg);
        assertNull(info.exif(), "Exif APP1");
        assertTrue(info.app11().isEmpty(), "APP11");
        assertTrue(info.endOfImage());
        assertEquals(0xD9, jpeg[jpeg.length - 1] & 0xFF, "nothing after EOI");
        String text = new String(jpeg, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!text.contains("Exif"), "Exif");
        assertTrue(!text.contains("ICC_PROFILE"), "ICC profile");
        assertTrue(!text.contains("GPS"), "GPS");
    }

    @Test
    void pngHoldsOnlyCriticalChunks() throws Exception {
        BufferedImage argb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(1, 1, 0x80FF0000);

        ImageEncoder.Encoded encoded = encoder.encode(argb, ImageEncoder.DEFAULT_JPEG_QUALITY);

        assertEquals(ImageEncoder.Format.PNG, encoded.format());
        assertEquals(List.of("IHDR", "IDAT", "IEND"), PngChunks.scan(encoded.bytes()).chunkTypes());
        DecodedImage back = new ImageDecoder().decode(encoded.bytes());
        assertEquals(0x80FF0000, back.image().getRGB(1, 1));
    }

    @Test
    void opaqueImageBecomesJpegThatDecodesBack() throws Exception {
        BufferedImage gradient = TestImages.gradient(64, 64);

        ImageEncoder.Encoded encoded = encoder.encode(gradient, 0.95f);

        assertEquals(ImageEncoder.Format.JPEG, encoded.format());
        DecodedImage back = new ImageDecoder().decode(encoded.bytes());
        assertEquals(64, back.width());
        int expected = gradient.getRGB(32, 32) & 0xFF;
        assertTrue(Math.abs((back.image().getRGB(32, 32) & 0xFF) - expected) <= 4);
    }

    @Test
    void jpegRejectsAlphaAndBadQuality() {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        assertThrows(IllegalArgumentException.class, () -> encoder.encodeJpeg(argb, 0.9f));
        assertThrows(IllegalArgumentException.class, () -> encoder.encodeJpeg(TestImages.gradient(4, 4), 1.5f));
    }
}
