package io.certana.imaging.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUMBF boxes (ISO/IEC 19566-5) as C2PA embeds them: in JPEG APP11 segments (JPEG XT framing,
 * ISO/IEC 18477-3), in PNG {@code caBX} chunks and in WebP {@code C2PA} chunks. A box is
 * {@code LBox (4 bytes, big-endian length including the header), TBox (4 bytes, type)}, with
 * {@code LBox = 1} announcing an 8-byte XLBox. A {@code jumb} superbox starts with a {@code jumd}
 * description box holding a 16-byte type UUID, a toggle byte and an optional null-terminated label.
 */
final class Jumbf {

    /** One box, with its children when it is a {@code jumb} superbox. */
    record Box(String type, String label, byte[] content, List<Box> children) {
        /** Returns the first child superbox with the given label, or null. */
        Box child(String childLabel) {
            for (Box child : children) {
                if (childLabel.equals(child.label())) {
                    return child;
                }
            }
            return null;
        }
    }

    private static final int MAX_DEPTH = 8;
    private static final int MAX_BOXES = 10_000;

    private Jumbf() {
    }

    /**
     * Joins JPEG XT APP11 segments into the boxes they carry. Each segment starts with "JP", a
     * 2-byte box instance number (En) and a 4-byte packet sequence number (Z), then box bytes.
     * Every packet repeats the box header (LBox, TBox, and XLBox when present), so packets after
     * the first of an instance contribute only the bytes after that header.
     */
    static List<byte[]> joinApp11(List<byte[]> segments) {
        Map<Integer, ByteArrayOutputStream> instances = new LinkedHashMap<>();
        for (byte[] segment : segments) {
            if (segment.length < 16 || segment[0] != 'J' || segment[1] != 'P') {
                continue;
            }
            int instance = ((segment[2] & 0xFF) << 8) | (segment[3] & 0xFF);
            ByteArrayOutputStream box = instances.get(instance);
            if (box == null) {
                box = new ByteArrayOutputStream();
                instances.put(instance, box);
                box.write(segment, 8, segment.length - 8);
            } else {
                long lbox = readUint32(segment, 8);
                int header = lbox == 1 ? 16 : 8;
                if (8 + header <= segment.length) {
                    box.write(segment, 8 + header, segment.length - 8 - header);
                }
            }
        }
        List<byte[]> boxes = new ArrayList<>();
        for (ByteArrayOutputStream box : instances.values()) {
            boxes.add(box.toByteArray());
        }
        return boxes;
    }

    /** Parses the boxes in {@code data}; throws IllegalArgumentException when a box runs past the data. */
    static List<Box> parse(byte[] data) {
        int[] budget = {MAX_BOXES};
        return parse(data, 0, data.length, 0, budget);
    }

    private static List<Box> parse(byte[] data, int start, int end, int depth, int[] budget) {
        List<Box> boxes = new ArrayList<>();
        int pos = start;
        while (pos + 8 <= end) {
            if (--budget[0] < 0) {
                throw new IllegalArgumentException("more than " + MAX_BOXES + " JUMBF boxes");
            }
            long length = readUint32(data, pos);
            String type = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (length == 1) {
                if (pos + 16 > end) {
                    throw new IllegalArgumentException("JUMBF box " + type + " is cut off");
                }
                length = readUint64(data, pos + 8);
                header = 16;
            } else if (length == 0) {
                length = end - pos; // the box extends to the end of the data
            }
            if (length < header || length > end - pos) {
                throw new IllegalArgumentException("JUMBF box " + type + " declares " + length
                        + " bytes, only " + (end - pos) + " remain");
            }
            int contentStart = pos + header;
            int contentEnd = (int) (pos + length);
            if ("jumb".equals(type) && depth < MAX_DEPTH) {
                List<Box> children = parse(data, contentStart, contentEnd, depth + 1, budget);
                String label = children.isEmpty() ? null : children.get(0).label();
                boxes.add(new Box(type, label, null, children));
            } else if ("jumd".equals(type)) {
                boxes.add(new Box(type, descriptionLabel(data, contentStart, contentEnd), null, List.of()));
            } else {
                byte[] content = java.util.Arrays.copyOfRange(data, contentStart, contentEnd);
                boxes.add(new Box(type, null, content, List.of()));
            }
            pos = contentEnd;
        }
        return boxes;
    }

    /** Returns the label of a description box: after the 16-byte UUID and the toggle byte, when toggle bit 1 is set. */
    private static String descriptionLabel(byte[] data, int start, int end) {
        if (end - start < 17 || (data[start + 16] & 0x02) == 0) {
            return null;
        }
        int labelStart = start + 17;
        int labelEnd = labelStart;
        while (labelEnd < end && data[labelEnd] != 0) {
            labelEnd++;
        }
        return new String(data, labelStart, labelEnd - labelStart, StandardCharsets.UTF_8);
    }

    private static long readUint32(byte[] data, int pos) {
        return ((data[pos] & 0xFFL) << 24) | ((data[pos + 1] & 0xFFL) << 16) | ((data[pos + 2] & 0xFFL) << 8) | (data[pos + 3] & 0xFFL);
    }

    private static long readUint64(byte[] data, int pos) {
        return (readUint32(data, pos) << 32) | readUint32(data, pos + 4);
    }
}
