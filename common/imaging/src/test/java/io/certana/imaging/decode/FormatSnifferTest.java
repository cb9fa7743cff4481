package io.certana.imaging.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatSnifferTest {

    private static byte[] bytes(int... values) {
        byte[] data = new byte[Math.max(values.length, 16)];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return data;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void detectsImageSignatures() {
        assertEquals(ImageFormat.JPEG, FormatSniffer.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
        assertEquals(ImageFormat.PNG, FormatSniffer.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)));
        assertEquals(ImageFormat.GIF, FormatSniffer.detect(ascii("GIF89a\1\0\1\0\0\0\0")));
        assertEquals(ImageFormat.TIFF, FormatSniffer.detect(bytes('I', 'I', 42, 0, 8, 0, 0, 0)));
        assertEquals(ImageFormat.TIFF, FormatSniffer.detect(bytes('M', 'M', 0, 42, 0, 0, 0, 8)));
        assertEquals(ImageFormat.BIG_TIFF, FormatSniffer.detect(bytes('I', 'I', 43, 0, 8, 0, 0, 0)));
        assertEquals(ImageFormat.WEBP, FormatSniffer.detect(ascii("RIFF\0\0\0\0WEBPVP8 ")));
        assertEquals(ImageFormat.BMP, FormatSniffer.detect(ascii("BM\0\0\0\0\0\0\0\0\0\0\0\0\0\0")));
    }

    @Test
    void namesUnsupportedFormats() {
        assertEquals(ImageFormat.HEIC, FormatSniffer.detect(ascii("\0\0\0\30ftypheic\0\0\0\0")));
        assertEquals(ImageFormat.AVIF, FormatSniffer.detect(ascii("\0\0\0\30ftypavif\0\0\0\0")));
        assertEquals(ImageFormat.HEIF, FormatSniffer.detect(ascii("\0\0\0\30ftypmif1\0\0\0\0")));
        assertEquals(ImageFormat.PDF, FormatSniffer.detect(ascii("%PDF-1.7\n")));
        assertEquals(ImageFormat.ZIP, FormatSniffer.detect(bytes('P', 'K', 3, 4)));
        assertEquals(ImageFormat.SVG, FormatSniffer.detect(ascii("  <svg xmlns='http://www.w3.org/2000/svg'>")));
        assertEquals(ImageFormat.SVG, FormatSniffer.detect(ascii("<?xml version='1.0'?>\n<svg>")));
        assertEquals(ImageFormat.HTML, FormatSniffer.detect(ascii("<!DOCTYPE html><html>")));
        assertEquals(ImageFormat.UNKNOWN, FormatSniffer.detect(ascii("just some text")));
        assertEquals(ImageFormat.UNKNOWN, FormatSniffer.detect(new byte[0]));
    }
}
