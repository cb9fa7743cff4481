package io.certana.imaging.encode;

import io.certana.imaging.decode.DecodedImage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes images for output: pixels only. JPEG output contains a JFIF header, quantisation and
 * Huffman tables and the scan, and nothing else: no Exif or GPS, no thumbnail, no comment, no
 * ICC profile, no second MPF image and no data after EOI. PNG output contains IHDR, IDAT and IEND
 * only. Without an ICC profile, readers treat both as sRGB, which is what {@link DecodedImage}
 * holds, so the colours survive unchanged.
 *
 * <p>Images with alpha must be written as PNG: {@link #encode(BufferedImage, float)} picks PNG
 * for them, and {@link #encodeJpeg(BufferedImage, float)} rejects them instead of dropping alpha
 * silently.
 */
public final class ImageEncoder {

    /** JPEG quality used when the caller has no preference (0..1, libjpeg scale 90). */
    public static final float DEFAULT_JPEG_QUALITY = 0.90f;

    /** Output format chosen by {@link #encode(BufferedImage, float)}. */
    public enum Format {
        JPEG("image/jpeg", "jpg"),
        PNG("image/png", "png");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    /** Encoded bytes and their format. */
    public record Encoded(Format format, byte[] bytes) {
    }

    /** Writes PNG when {@code image} has alpha, otherwise JPEG at {@code jpegQuality}. */
    public Encoded encode(BufferedImage image, float jpegQuality) {
        if (image.getColorModel().hasAlpha()) {
            return new Encoded(Format.PNG, encodePng(image));
        }
        return new Encoded(Format.JPEG, encodeJpeg(image, jpegQuality));
    }

    /**
     * Encodes {@code image} (TYPE_INT_RGB) as baseline JPEG with 4:2:0 chroma subsampling.
     *
     * @param quality 0..1, mapped by the JDK writer to libjpeg's 0..100 quality scale
     * @throws IllegalArgumentException when the image has alpha or the quality is outside 0..1
     */
    public byte[] encodeJpeg(BufferedImage image, float quality) {
        if (image.getColorModel().hasAlpha()) {
            throw new IllegalArgumentException("JPEG cannot store alpha: encode images with alpha as PNG");
        }
        if (!(quality >= 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be within 0..1, was " + quality);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeJpeg(image, quality, out);
        return out.toByteArray();
    }

    /** Encodes {@code image} as PNG (8-bit RGB, or RGBA when it has alpha). */
    public byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePng(image, out);
        return out.toByteArray();
    }

    /** Streams the JPEG form of {@link #encodeJpeg(BufferedImage, float)} to {@code out}. */
    public void writeJpeg(BufferedImage image, float quality, OutputStream out) {
        ImageWriter writer = jdkWriter("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        write(writer, image, param, out);
    }

    /** Streams the PNG form of {@link #encodePng(BufferedImage)} to {@code out}. */
    public void writePng(BufferedImage image, OutputStream out) {
        write(jdkWriter("png"), image, null, out);
    }

    private static void write(ImageWriter writer, BufferedImage image, ImageWriteParam param, OutputStream out) {
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            // No metadata object: the writers then emit only the headers the format requires.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the encoded image failed", e);
        } finally {
            writer.dispose();
        }
    }

    /** Returns the JDK's own writer. TwelveMonkeys registers no JPEG or PNG writer, but the choice stays explicit. */
    private static ImageWriter jdkWriter(String format) {
        ImageWriter fallback = null;
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
            fallback = fallback == null ? writer : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("the Java runtime has no " + format + " writer");
        }
        return fallback;
    }
}
