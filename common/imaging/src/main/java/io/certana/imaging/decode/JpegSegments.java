package io.certana.imaging.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Marker-level scan of a JPEG file (ITU-T T.81 Annex B): the frame header, the first Exif APP1
 * segment, the APP11 segments that carry JUMBF boxes, and whether an EOI marker ends the first
 * image. Reading stops at the first EOI, so data after it (an MPO's second frame, an appended
 * ZIP) is never looked at. The scan is linear in the file size and allocates only the segments it
 * returns.
 */
public final class JpegSegments {

    /** SOFn markers: 0xC0..0xCF without DHT (0xC4), JPG (0xC8) and DAC (0xCC). */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * Result of {@link #scan(byte[])}.
     *
     * @param frameMarker the SOFn marker (0xC0 baseline, 0xC2 progressive, ...), -1 when absent
     * @param precision sample precision in bits from the frame header
     * @param width samples per line from the frame header
     * @param height number of lines from the frame header (0 means "defined later by DNL")
     * @param components number of colour components in the frame
     * @param exif TIFF structure of the first "Exif" APP1 segment, or null
     * @param app11 payloads of all APP11 segments, in file order (JPEG XT boxes: JUMBF, C2PA)
     * @param endOfImage whether an EOI marker was found after the scan data
     */
    public record Info(
            int frameMarker,
            int precision,
            int width,
            int height,
            int components,
            byte[] exif,
            List<byte[]> app11,
            boolean endOfImage) {

        /** Returns whether the frame uses arithmetic entropy coding (SOF9..SOF11, SOF13..SOF15). */
        public boolean arithmetic() {
            return frameMarker >= 0xC9 && frameMarker != 0xCC;
        }

        /** Returns whether the frame is lossless (SOF3, SOF7, SOF11, SOF15). */
        public boolean lossless() {
            return frameMarker >= 0 && (frameMarker & 0x03) == 0x03;
        }

        /** Returns whether the frame is hierarchical (SOF5..SOF7, SOF13..SOF15). */
        public boolean hierarchical() {
            return frameMarker >= 0xC5 && frameMarker != 0xC8 && frameMarker != 0xCC
                    && ((frameMarker & 0x0F) >= 5 && (frameMarker & 0x0F) <= 7
                            || (frameMarker & 0x0F) >= 13);
        }
    }

    private JpegSegments() {
    }

    /** Scans {@code data}, which must start with SOI. Never throws on damaged input: it stops where the damage starts. */
    public static Info scan(byte[] data) {
        int frameMarker = -1;
        int precision = 0;
        int width = 0;
        int height = 0;
        int components = 0;
        byte[] exif = null;
        List<byte[]> app11 = new ArrayList<>();
        boolean endOfImage = false;

        int pos = 2; // after SOI
        while (pos < data.length) {
            // A marker is 0xFF followed by a code; any number of 0xFF fill bytes may precede the code.
            if ((data[pos] & 0xFF) != 0xFF) {
                // Junk between segments: decoders skip it with a warning, so skip to the next 0xFF.
                pos++;
                continue;
            }
            while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                break;
            }
            int marker = data[pos++] & 0xFF;
            if (marker == 0xD9) {
                endOfImage = true;
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8) || marker == 0x00) {
                continue; // standalone markers (TEM, RSTn, SOI) and stuffed zero bytes carry no length
            }
            if (pos + 2 > data.length) {
                break;
            }
            int length = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
            if (length < 2 || pos + length > data.length) {
                break; // the segment runs past the end of the file: truncated
            }
            int payload = pos + 2;
            int payloadLength = length - 2;

            if (isStartOfFrame(marker) && frameMarker < 0 && payloadLength >= 6) {
                frameMarker = marker;
                precision = data[payload] & 0xFF;
                height = ((data[payload + 1] & 0xFF) << 8) | (data[payload + 2] & 0xFF);
                width = ((data[payload + 3] & 0xFF) << 8) | (data[payload + 4] & 0xFF);
                components = data[payload + 5] & 0xFF;
            } else if (marker == 0xE1 && exif == null && payloadLength > 6 && isExifHeader(data, payload)) {
                exif = java.util.Arrays.copyOfRange(data, payload + 6, payload + payloadLength);
            } else if (marker == 0xEB) {
                app11.add(java.util.Arrays.copyOfRange(data, payload, payload + payloadLength));
            }
            pos += length;

            if (marker == 0xDA) {
                pos = skipEntropyCodedData(data, pos);
            }
        }
        return new Info(frameMarker, precision, width, height, components, exif, List.copyOf(app11), endOfImage);
    }

    /** "Exif" followed by a zero byte and a pad byte (usually zero) starts an Exif APP1 segment. */
    private static boolean isExifHeader(byte[] data, int offset) {
        return data[offset] == 'E' && data[offset + 1] == 'x' && data[offset + 2] == 'i' && data[offset + 3] == 'f'
                && data[offset + 4] == 0;
    }

    /** Returns the position of the next marker after scan data: 0xFF not followed by 0x00 or RSTn. */
    private static int skipEntropyCodedData(byte[] data, int pos) {
        while (pos + 1 < data.length) {
            if ((data[pos] & 0xFF) == 0xFF) {
                int next = data[pos + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return pos;
                }
            }
            pos++;
        }
        return data.length;
    }
}
