package io.certana.imaging.pdq;

import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.IntImages;

import java.awt.image.BufferedImage;

/**
 * PDQ perceptual hash, bit-exact with Meta's C++ reference on the same pixels.
 *
 * <p>Source: "The TMK+PDQF Video-Hashing Algorithm and the PDQ Image Hashing Algorithm" (Meta,
 * 2019), and facebook/ThreatExchange {@code pdq/cpp/hashing/pdqhashing.cpp} for the exact float
 * operations. Steps:
 * <ol>
 * <li>Luma: {@code Y = 0.299·R + 0.587·G + 0.114·B} in float (grey sources use the grey value).</li>
 * <li>Two rounds of Jarosz box filtering along rows and columns ({@link JaroszFilter}), with
 * windows of about half the decimation step, then decimation to 64 × 64 by sampling the centre of
 * each cell. A 64 × 64 input is used as is, without filtering.</li>
 * <li>Quality: sum of absolute neighbour differences of the 64 × 64 image, scaled.</li>
 * <li>DCT: the 16 × 16 lowest non-DC coefficients of a 2-D DCT-II of the 64 × 64 image,
 * computed as {@code D · A · Dᵀ} with a 16 × 64 matrix {@code D}.</li>
 * <li>Bits: coefficient (i, j) sets bit {@code 16·i + j} when it is strictly greater than the
 * median of all 256 coefficients (Torben's median).</li>
 * </ol>
 *
 * <p>Images with fewer than 5 rows or columns get the all-zero hash and quality 0, as in the
 * reference: the filter and decimation need at least a few samples per output cell, and such
 * images carry no perceptual content worth matching.
 *
 * <p>Alpha is ignored: the hash uses the stored RGB values, never composited onto a background.
 * Instances hold no state and are safe to share between threads.
 */
public final class PdqHasher {

    /** Smallest width or height that is hashed; smaller images get the zero hash. */
    public static final int MIN_HASHABLE_DIMENSION = 5;

    private static final float LUMA_FROM_R = 0.299f;
    private static final float LUMA_FROM_G = 0.587f;
    private static final float LUMA_FROM_B = 0.114f;
    /** Rounds of (row pass, column pass) of the Jarosz filter. */
    private static final int JAROSZ_PASSES = 2;
    private static final int DOWNSAMPLED = 64;
    private static final int DCT_SIZE = 16;

    /**
     * The 16 × 64 DCT-II matrix without its DC row: {@code D[i][j] = sqrt(2/64) · cos(π/128 · (i+1) · (2j+1))}.
     * The reference rounds sqrt(2/64) to float first, multiplies in double, and stores float.
     */
    private static final float[] DCT_MATRIX = buildDctMatrix();

    private static float[] buildDctMatrix() {
        float scale = (float) Math.sqrt(2.0 / DOWNSAMPLED);
        float[] matrix = new float[DCT_SIZE * DOWNSAMPLED];
        for (int i = 0; i < DCT_SIZE; i++) {
            for (int j = 0; j < DOWNSAMPLED; j++) {
                matrix[i * DOWNSAMPLED + j] =
                        (float) (scale * StrictMath.cos((Math.PI / 2.0 / DOWNSAMPLED) * (i + 1) * (2 * j + 1)));
            }
        }
        return matrix;
    }

    /**
     * Hashes a decoded image. Grey sources take their luma straight from the grey value, as the
     * reference does for one-channel input; everything else uses the RGB formula.
     */
    public PdqHash hash(DecodedImage image) {
        return hashPixels(image.image(), image.grayscaleSource());
    }

    /** Hashes the RGB values of an image in the {@link DecodedImage} layout (TYPE_INT_RGB or TYPE_INT_ARGB). */
    public PdqHash hash(BufferedImage image) {
        return hashPixels(image, false);
    }

    /** Computes the eight dihedral hashes of a decoded image, see {@link DihedralHashes}. */
    public DihedralHashes hashDihedral(DecodedImage image) {
        return dihedralFromSmall(downsamplePixels(image.image(), image.grayscaleSource()));
    }

    /** Computes the eight dihedral hashes of an image in the {@link DecodedImage} layout. */
    public DihedralHashes hashDihedral(BufferedImage image) {
        return dihedralFromSmall(downsamplePixels(image, false));
    }

    private PdqHash hashPixels(BufferedImage image, boolean grey) {
        int rows = image.getHeight();
        int cols = image.getWidth();
        if (rows == DOWNSAMPLED && cols == DOWNSAMPLED) {
            return hashLuma(luma(image, grey), rows, cols);
        }
        float[] small = downsamplePixels(image, grey);
        if (small == null) {
            return new PdqHash(Hash256.zero(), 0);
        }
        return new PdqHash(toBits(dct64To16(small)), quality(small));
    }

    /**
     * Luma, filter and decimation in one sweep over the pixels (the luma is computed while the
     * first filter pass reads each row). Returns null for images under the minimum size.
     */
    private static float[] downsamplePixels(BufferedImage image, boolean grey) {
        int rows = image.getHeight();
        int cols = image.getWidth();
        if (rows < MIN_HASHABLE_DIMENSION || cols < MIN_HASHABLE_DIMENSION) {
            return null;
        }
        int[] pixels = IntImages.pixels(image);
        JaroszFilter.RowSource source = grey ? (row, out) -> greyRow(pixels, row * cols, out, 0, cols)
                : (row, out) -> lumaRow(pixels, row * cols, out, 0, cols);
        return downsample(source, rows, cols);
    }

    /** Hashes a row-major luma buffer of {@code rows × cols} samples in 0..255; the buffer is not changed. */
    public PdqHash hashLuma(float[] luma, int rows, int cols) {
        checkBuffer(luma, rows, cols);
        if (rows < MIN_HASHABLE_DIMENSION || cols < MIN_HASHABLE_DIMENSION) {
            return new PdqHash(Hash256.zero(), 0);
        }
        float[] small;
        if (rows == DOWNSAMPLED && cols == DOWNSAMPLED) {
            // The reference skips filtering when the input is already 64 × 64 (plain hash only).
            small = luma.clone();
        } else {
            small = downsample(luma, rows, cols);
        }
        int quality = quality(small);
        float[] dct = dct64To16(small);
        return new PdqHash(toBits(dct), quality);
    }

    /** Dihedral hashes from a row-major luma buffer; the buffer is not changed. */
    public DihedralHashes dihedralFromLuma(float[] luma, int rows, int cols) {
        checkBuffer(luma, rows, cols);
        if (rows < MIN_HASHABLE_DIMENSION || cols < MIN_HASHABLE_DIMENSION) {
            return dihedralFromSmall(null);
        }
        // Unlike the plain hash, the reference's dihedral path filters 64 × 64 input too.
        return dihedralFromSmall(downsample(luma, rows, cols));
    }

    /** Dihedral hashes from the 64 × 64 image; the zero hashes when {@code small} is null. */
    private static DihedralHashes dihedralFromSmall(float[] small) {
        if (small == null) {
            Hash256 zero = Hash256.zero();
            return new DihedralHashes(zero, zero, zero, zero, zero, zero, zero, zero, 0);
        }
        int quality = quality(small);
        float[] dct = dct64To16(small);
        return new DihedralHashes(
                toBits(dct),
                toBits(DihedralTransforms.rotate90(dct)),
                toBits(DihedralTransforms.rotate180(dct)),
                toBits(DihedralTransforms.rotate270(dct)),
                toBits(DihedralTransforms.flipX(dct)),
                toBits(DihedralTransforms.flipY(dct)),
                toBits(DihedralTransforms.flipPlus1(dct)),
                toBits(DihedralTransforms.flipMinus1(dct)),
                quality);
    }

    private static void checkBuffer(float[] luma, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols > luma.length) {
            throw new IllegalArgumentException("luma buffer of " + luma.length + " samples is too small for "
                    + rows + " × " + cols);
        }
    }

    /** Luma of every pixel, row-major, read straight from the int raster. */
    static float[] luma(BufferedImage image, boolean grey) {
        int[] pixels = IntImages.pixels(image);
        float[] luma = new float[pixels.length];
        if (grey) {
            greyRow(pixels, 0, luma, 0, pixels.length);
        } else {
            lumaRow(pixels, 0, luma, 0, pixels.length);
        }
        return luma;
    }

    /**
     * Luma of {@code count} pixels, in a loop without branches so that the JIT can use SIMD
     * instructions. Same operand order as the reference: {@code (R·r + G·g) + B·b}, each product
     * rounded to float.
     */
    private static void lumaRow(int[] pixels, int offset, float[] out, int outOffset, int count) {
        for (int k = 0; k < count; k++) {
            int pixel = pixels[offset + k];
            out[outOffset + k] = LUMA_FROM_R * ((pixel >>> 16) & 0xFF) + LUMA_FROM_G * ((pixel >>> 8) & 0xFF)
                    + LUMA_FROM_B * (pixel & 0xFF);
        }
    }

    /** One-channel input: the reference copies the grey value (the RGB formula would round differently). */
    private static void greyRow(int[] pixels, int offset, float[] out, int outOffset, int count) {
        for (int k = 0; k < count; k++) {
            out[outOffset + k] = pixels[offset + k] & 0xFF;
        }
    }

    private static float[] downsample(float[] luma, int rows, int cols) {
        return downsample((row, out) -> System.arraycopy(luma, row * cols, out, 0, cols), rows, cols);
    }

    private static float[] downsample(JaroszFilter.RowSource source, int rows, int cols) {
        return JaroszFilter.filterAndDecimate(source, rows, cols, JaroszFilter.windowSize(cols, DOWNSAMPLED),
                JaroszFilter.windowSize(rows, DOWNSAMPLED), JAROSZ_PASSES, DOWNSAMPLED);
    }

    /**
     * Quality 0..100: the sum over vertical and horizontal neighbours of |Δ| · 100 / 255 (each term
     * truncated to int), divided by 90 and capped at 100.
     */
    static int quality(float[] small) {
        int gradientSum = 0;
        for (int i = 0; i < DOWNSAMPLED - 1; i++) {
            for (int j = 0; j < DOWNSAMPLED; j++) {
                float u = small[i * DOWNSAMPLED + j];
                float v = small[(i + 1) * DOWNSAMPLED + j];
                gradientSum += Math.abs((int) (((u - v) * 100) / 255));
            }
        }
        for (int i = 0; i < DOWNSAMPLED; i++) {
            for (int j = 0; j < DOWNSAMPLED - 1; j++) {
                float u = small[i * DOWNSAMPLED + j];
                float v = small[i * DOWNSAMPLED + j + 1];
                gradientSum += Math.abs((int) (((u - v) * 100) / 255));
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    /** Returns {@code D · A · Dᵀ} as 16 × 16 row-major, accumulating in float in the reference's order. */
    static float[] dct64To16(float[] a) {
        float[] t = new float[DCT_SIZE * DOWNSAMPLED];
        for (int i = 0; i < DCT_SIZE; i++) {
            int d = i * DOWNSAMPLED;
            for (int j = 0; j < DOWNSAMPLED; j++) {
                float sum = 0.0f;
                for (int k = 0; k < DOWNSAMPLED; k++) {
                    sum += DCT_MATRIX[d + k] * a[k * DOWNSAMPLED + j];
                }
                t[i * DOWNSAMPLED + j] = sum;
            }
        }
        float[] b = new float[DCT_SIZE * DCT_SIZE];
        for (int i = 0; i < DCT_SIZE; i++) {
            for (int j = 0; j < DCT_SIZE; j++) {
                float sum = 0.0f;
                int d = j * DOWNSAMPLED;
                for (int k = 0; k < DOWNSAMPLED; k++) {
                    sum += t[i * DOWNSAMPLED + k] * DCT_MATRIX[d + k];
                }
                b[i * DCT_SIZE + j] = sum;
            }
        }
        return b;
    }

    private static Hash256 toBits(float[] dct) {
        float median = TorbenMedian.median(dct);
        boolean[] bits = new boolean[Hash256.BITS];
        for (int k = 0; k < Hash256.BITS; k++) {
            bits[k] = dct[k] > median;
        }
        return Hash256.fromBits(bits);
    }
}
