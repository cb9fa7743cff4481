package io.certana.watermark.robust;

import io.certana.watermark.dsp.KeyedStream;

/**
 * The keyed tile of Track B: CHIPS x CHIPS chips, each the sum of a ±1 synchronisation chip S and a
 * ±1 message chip M (Kutter-style periodic spread spectrum; the tile repeats over the whole image).
 *
 * <p>Chip value v = √ρ·S + √(1−ρ)·pn·(1 − 2·c) where c is the code bit the keyed permutation
 * assigns to the chip and pn a keyed sign. Chips are rendered with a raised-cosine kernel two chips
 * wide, which interpolates between chip centres (the value at a chip centre is the chip itself, and
 * the weights of the two nearest chips sum to one) and keeps the energy below half the chip rate.
 */
public final class RobustTile {

    /** Chips per tile side. */
    public static final int CHIPS = 32;
    /** Chip size at the working resolution, in pixels: the tile period is CHIPS * CHIP_PX = 128 px. */
    public static final int CHIP_PX = 4;
    public static final int PERIOD_PX = CHIPS * CHIP_PX;
    /** Fold accumulator bins per chip. */
    public static final int OVERSAMPLE = 4;
    public static final int BINS = CHIPS * OVERSAMPLE;
    /** Share ρ of the tile's energy spent on the synchronisation template. */
    public static final double SYNC_SHARE = 0.3;

    final float[] sync = new float[CHIPS * CHIPS];
    final float[] pnSign = new float[CHIPS * CHIPS];
    /** Code bit carried by each chip (row-major chip index to code bit index). */
    final int[] codeIndex;

    public RobustTile(byte[] key) {
        KeyedStream syncStream = new KeyedStream(key, "track-b/sync");
        KeyedStream pnStream = new KeyedStream(key, "track-b/pn");
        for (int c = 0; c < sync.length; c++) {
            sync[c] = syncStream.nextSign();
            pnSign[c] = pnStream.nextSign();
        }
        codeIndex = new KeyedStream(key, "track-b/chip-order").permutation(CHIPS * CHIPS);
    }

    /** Returns the chip values for the given code bits (one code bit per chip). */
    float[] chipValues(byte[] codeBits) {
        if (codeBits.length != CHIPS * CHIPS) {
            throw new IllegalArgumentException("Track B needs " + CHIPS * CHIPS + " code bits, got " + codeBits.length);
        }
        double a = Math.sqrt(SYNC_SHARE);
        double b = Math.sqrt(1 - SYNC_SHARE);
        float[] values = new float[CHIPS * CHIPS];
        for (int c = 0; c < values.length; c++) {
            int bit = codeBits[codeIndex[c]];
            values[c] = (float) (a * sync[c] + b * pnSign[c] * (1 - 2 * bit));
        }
        return values;
    }

    /** Raised-cosine interpolation weight of a chip whose centre is |d| chips away. */
    static double kernel(double d) {
        double a = Math.abs(d);
        return a >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * a));
    }

    /** Renders chip values at the fold bin centres (cyclic), zero mean, with the given bins per chip. */
    static double[] renderBins(float[] chips, int oversample) {
        int bins = CHIPS * oversample;
        double[] out = new double[bins * bins];
        double mean = 0;
        for (int by = 0; by < bins; by++) {
            double v = (by + 0.5) / oversample - 0.5;
            int j0 = (int) Math.floor(v);
            double fy = v - j0;
            for (int bx = 0; bx < bins; bx++) {
                double u = (bx + 0.5) / oversample - 0.5;
                int i0 = (int) Math.floor(u);
                double fx = u - i0;
                out[by * bins + bx] = interpolate(chips, i0, fx, j0, fy);
                mean += out[by * bins + bx];
            }
        }
        mean /= out.length;
        for (int i = 0; i < out.length; i++) {
            out[i] -= mean;
        }
        return out;
    }

    /** Value at chip coordinate (i0 + 0.5 + fx, j0 + 0.5 + fy), chips indexed cyclically. */
    static double interpolate(float[] chips, int i0, double fx, int j0, double fy) {
        double wx0 = kernel(fx);
        double wy0 = kernel(fy);
        int x0 = Math.floorMod(i0, CHIPS);
        int x1 = (x0 + 1) % CHIPS;
        int y0 = Math.floorMod(j0, CHIPS) * CHIPS;
        int y1 = ((Math.floorMod(j0, CHIPS) + 1) % CHIPS) * CHIPS;
        return wy0 * (wx0 * chips[y0 + x0] + (1 - wx0) * chips[y0 + x1])
                + (1 - wy0) * (wx0 * chips[y1 + x0] + (1 - wx0) * chips[y1 + x1]);
    }

    /** Integer downscale factor of the working resolution: the short side lands near 512 px. */
    public static int scaleFactor(int width, int height) {
        int shortSide = Math.min(width, height);
        return Math.max(1, (int) Math.round(shortSide / 512.0));
    }
}
