package io.certana.imaging.decode;

/**
 * Reads the EXIF Orientation tag (0x0112) from a TIFF structure (the payload of a JPEG Exif APP1
 * segment after "Exif\0\0", a PNG eXIf chunk, a WebP EXIF chunk, or a whole TIFF file), and
 * applies it to a pixel array.
 *
 * <p>Rule for conflicting or damaged tags, used the same way when embedding and verifying: only
 * IFD0 counts, the first Orientation entry in IFD0 wins, and a value outside 1..8 (such as 9), a
 * wrong type or an unreadable IFD counts as 1 (no transform). Orientation in XMP
 * ({@code tiff:Orientation}) is ignored.
 */
public final class ExifOrientation {

    /** Orientation 1: stored rows are displayed top to bottom, columns left to right. */
    public static final int NORMAL = 1;

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {
    }

    /** Returns the orientation in {@code tiff} by the rule in the class comment; 1 when {@code tiff} is null. */
    public static int read(byte[] tiff) {
        if (tiff == null || tiff.length < 8) {
            return NORMAL;
        }
        boolean littleEndian;
        if (tiff[0] == 'I' && tiff[1] == 'I') {
            littleEndian = true;
        } else if (tiff[0] == 'M' && tiff[1] == 'M') {
            littleEndian = false;
        } else {
            return NORMAL;
        }
        if (readUint16(tiff, 2, littleEndian) != 42) {
            return NORMAL; // BigTIFF (43) or damaged: not read
        }
        long ifd0 = readUint32(tiff, 4, littleEndian);
        if (ifd0 < 8 || ifd0 + 2 > tiff.length) {
            return NORMAL;
        }
        int entryCount = readUint16(tiff, (int) ifd0, littleEndian);
        for (int i = 0; i < entryCount; i++) {
            int entry = (int) ifd0 + 2 + 12 * i;
            if (entry + 12 > tiff.length) {
                return NORMAL;
            }
            if (readUint16(tiff, entry, littleEndian) == TAG_ORIENTATION) {
                int type = readUint16(tiff, entry + 2, littleEndian);
                if (type != TYPE_SHORT) {
                    return NORMAL;
                }
                // A SHORT with count 1 sits left-justified in the 4-byte value field.
                int value = readUint16(tiff, entry + 8, littleEndian);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** Returns whether {@code orientation} swaps width and height (5 to 8 rotate by a quarter turn). */
    public static boolean swapsDimensions(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * Applies {@code orientation} to row-major {@code pixels} of a stored {@code width × height}
     * image and returns the pixels as displayed (a new array unless the orientation is 1).
     * Orientation values follow EXIF 2.32, tag 0x0112: 2 mirrors left-right, 3 rotates 180°,
     * 4 mirrors top-bottom, 5 transposes, 6 rotates 90° clockwise, 7 transverses, 8 rotates 90°
     * counter-clockwise.
     */
    public static int[] apply(int[] pixels, int width, int height, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return pixels;
        }
        int[] out = new int[pixels.length];
        boolean swap = swapsDimensions(orientation);
        int outWidth = swap ? height : width;
        int outHeight = swap ? width : height;
        for (int dy = 0; dy < outHeight; dy++) {
            int row = dy * outWidth;
            for (int dx = 0; dx < outWidth; dx++) {
                // (sx, sy) is the stored pixel shown at display position (dx, dy).
                int sx;
                int sy;
                switch (orientation) {
                    case 2: sx = width - 1 - dx; sy = dy; break;
                    case 3: sx = width - 1 - dx; sy = height - 1 - dy; break;
                    case 4: sx = dx; sy = height - 1 - dy; break;
                    case 5: sx = dy; sy = dx; break;
                    case 6: sx = dy; sy = height - 1 - dx; break;
                    case 7: sx = width - 1 - dy; sy = height - 1 - dx; break;
                    default: sx = width - 1 - dy; sy = dx; break; // 8
                }
                out[row + dx] = pixels[sy * width + sx];
            }
        }
        return out;
    }

    /**
     * Applies {@code orientation} like {@link #apply(int[], int, int, int)} but inside
     * {@code pixels}, which then contains the displayed image (its width and height swapped for 5 to
     * 8). Needs one bit per pixel of extra memory instead of a second pixel array, at the cost of
     * random memory access: the permutation is followed cycle by cycle.
     */
    public static void applyInPlace(int[] pixels, int width, int height, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return;
        }
        int outWidth = swapsDimensions(orientation) ? height : width;
        java.util.BitSet done = new java.util.BitSet(pixels.length);
        for (int start = 0; start < pixels.length; start++) {
            if (done.get(start)) {
                continue;
            }
            // Output position o takes the stored pixel at source(o); walk the cycle through start.
            int saved = pixels[start];
            int o = start;
            while (true) {
                done.set(o);
                int s = source(o, outWidth, width, height, orientation);
                if (s == start) {
                    pixels[o] = saved;
                    break;
                }
                pixels[o] = pixels[s];
                o = s;
            }
        }
    }

    /** Index of the stored pixel shown at display index {@code o}, for a display row width {@code outWidth}. */
    private static int source(int o, int outWidth, int width, int height, int orientation) {
        int dx = o % outWidth;
        int dy = o / outWidth;
        switch (orientation) {
            case 2: return dy * width + (width - 1 - dx);
            case 3: return (height - 1 - dy) * width + (width - 1 - dx);
            case 4: return (height - 1 - dy) * width + dx;
            case 5: return dx * width + dy;
            case 6: return (height - 1 - dx) * width + dy;
            case 7: return (height - 1 - dx) * width + (width - 1 - dy);
            default: return dx * width + (width - 1 - dy); // 8
        }
    }

    private static int readUint16(byte[] b, int pos, boolean littleEndian) {
        return littleEndian
                ? (b[pos] & 0xFF) | ((b[pos + 1] & 0xFF) << 8)
                : ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
    }

    private static long readUint32(byte[] b, int pos, boolean littleEndian) {
        return littleEndian
                ? (b[pos] & 0xFFL) | ((b[pos + 1] & 0xFFL) << 8) | ((b[pos + 2] & 0xFFL) << 16) | ((b[pos + 3] & 0xFFL) << 24)
                : ((b[pos] & 0xFFL) << 24) | ((b[pos + 1] & 0xFFL) << 16) | ((b[pos + 2] & 0xFFL) << 8) | (b[pos + 3] & 0xFFL);
    }
}
