package io.certana.watermark.robust;

import io.certana.watermark.code.PayloadCodec;
import io.certana.watermark.dsp.Bands;
import io.certana.watermark.dsp.Plane;

/**
 * Renders Track B's periodic pattern at full resolution, weighted by a perceptual mask.
 *
 * <p>The mask follows the noise visibility function of S. Voloshynovskiy, A. Herrigel, N. Baumgärtner
 * and T. Pun, "A stochastic approach to content adaptive digital image watermarking" (Information
 * Hiding 1999): NVF = 1 / (1 + σ²/σ₀²) from the local variance σ², and the strength is
 * w = w_flat·NVF + (1 − NVF), so flat areas get w_flat and textured areas up to 1.
 */
public final class RobustEmbedder {

    /** Local-variance scale σ₀ of the noise visibility function, in luma levels. */
    static final double MASK_SIGMA0 = 6.0;
    /** Relative strength in flat areas. */
    static final double MASK_FLAT = 0.25;

    private final RobustTile tile;
    private final PayloadCodec codec;

    public RobustEmbedder(RobustTile tile, PayloadCodec codec) {
        this.tile = tile;
        this.codec = codec;
    }

    /**
     * Returns the masked pattern w·P at full resolution, before scaling: P has chip values of
     * magnitude about 1, the caller multiplies by the strength found for its PSNR target.
     */
    public Plane maskedPattern(Plane luma, long payload) {
        int factor = RobustTile.scaleFactor(luma.width, luma.height);
        float[] chips = tile.chipValues(codec.encode(payload));
        Plane mask = mask(luma, factor);

        // Separable interpolation: every column and row has two chips and two weights, so the
        // pattern at a pixel is a 2 x 2 weighted sum. Chip k covers full-resolution pixels
        // [k * chipPx, (k + 1) * chipPx); pixel x has its centre at x + 0.5.
        double chipPx = RobustTile.CHIP_PX * factor;
        int[] columnChip = new int[luma.width];
        float[] columnWeight = new float[luma.width];
        for (int x = 0; x < luma.width; x++) {
            double u = (x + 0.5) / chipPx - 0.5;
            int i0 = (int) Math.floor(u);
            columnChip[x] = Math.floorMod(i0, RobustTile.CHIPS);
            columnWeight[x] = (float) RobustTile.kernel(u - i0);
        }
        Plane out = new Plane(luma.width, luma.height);
        Bands.run(luma.height, out.data.length, (firstRow, endRow) -> {
            for (int y = firstRow; y < endRow; y++) {
                double v = (y + 0.5) / chipPx - 0.5;
                int j0 = (int) Math.floor(v);
                float wy = (float) RobustTile.kernel(v - j0);
                int row0 = Math.floorMod(j0, RobustTile.CHIPS) * RobustTile.CHIPS;
                int row1 = ((Math.floorMod(j0, RobustTile.CHIPS) + 1) % RobustTile.CHIPS) * RobustTile.CHIPS;
                int base = y * luma.width;
                for (int x = 0; x < luma.width; x++) {
                    int c0 = columnChip[x];
                    int c1 = c0 + 1 == RobustTile.CHIPS ? 0 : c0 + 1;
                    float wx = columnWeight[x];
                    float top = wx * chips[row0 + c0] + (1 - wx) * chips[row0 + c1];
                    float bottom = wx * chips[row1 + c0] + (1 - wx) * chips[row1 + c1];
                    out.data[base + x] = mask.data[base + x] * (wy * top + (1 - wy) * bottom);
                }
            }
        });
        return out;
    }

    /** Noise-visibility mask at full resolution, smoothed over about one chip. */
    static Plane mask(Plane luma, int factor) {
        int radius = 2 * factor;
        Plane sigma = luma.localStdDev(radius);
        Plane mask = new Plane(luma.width, luma.height);
        double s0 = MASK_SIGMA0 * MASK_SIGMA0;
        Bands.run(mask.data.length, mask.data.length, (start, end) -> {
            for (int i = start; i < end; i++) {
                double variance = sigma.data[i] * sigma.data[i];
                double nvf = 1 / (1 + variance / s0);
                mask.data[i] = (float) (MASK_FLAT * nvf + (1 - nvf));
            }
        });
        return mask.boxMean(radius);
    }
}
