package io.certana.watermark.robust;

/**
 * The detection residual averaged over 2 x 2 working pixels, for scoring lattice hypotheses.
 *
 * <p>The searches over rotations and periods score hundreds to thousands of hypotheses by the sync
 * z-score of a fold with 2 bins per chip, that is bins 2 working pixels wide. Pixels of that size
 * lose little of the sync template, whose energy lies below 1/8 cycle per working pixel (the 2-px
 * average passes it with a gain of at least cos(π/8) ≈ 0.92), and leave a quarter of the pixels to
 * fold. The score only ranks hypotheses: decoding folds the full working-resolution residual.
 */
final class CoarseResidual {

    /** Working pixels per coarse pixel side. */
    static final int STEP = 2;

    private final float[] data;
    private final int width;
    private final int height;

    private CoarseResidual(float[] data, int width, int height) {
        this.data = data;
        this.width = width;
        this.height = height;
    }

    /** Number of coarse pixels. */
    int pixels() {
        return data.length;
    }

    static CoarseResidual of(RobustDetector.Residual residual) {
        int width = residual.width() / STEP;
        int height = residual.height() / STEP;
        float[] in = residual.data();
        int inWidth = residual.width();
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            int row = y * STEP * inWidth;
            for (int x = 0; x < width; x++) {
                int i = row + x * STEP;
                out[y * width + x] = 0.25f * (in[i] + in[i + 1] + in[i + inWidth] + in[i + inWidth + 1]);
            }
        }
        return new CoarseResidual(out, width, height);
    }

    /**
     * Folds the coarse pixels into (CHIPS · oversample)² bins as {@link RobustDetector#fold} folds
     * working pixels: nearest bin of each pixel centre, bin means minus their mean. A coarse pixel
     * (x, y) is centred on working coordinate (2x + 1, 2y + 1).
     */
    double[] fold(TileGeometry geometry, int oversample) {
        int n = RobustTile.CHIPS * oversample;
        int wrap = n - 1;
        if ((n & wrap) != 0) {
            throw new IllegalArgumentException("fold size must be a power of two: " + n);
        }
        double[] sum = new double[n * n];
        int[] count = new int[n * n];
        double scale = RobustTile.CHIPS / geometry.period() * oversample;
        double cos = Math.cos(geometry.angle()) * scale;
        double sin = Math.sin(geometry.angle()) * scale;
        if (geometry.angle() == 0) {
            // Without rotation the bin column depends on x only and the bin row on y only.
            int[] columnBin = new int[width];
            for (int x = 0; x < width; x++) {
                columnBin[x] = (int) Math.floor(cos * (STEP * x + 1 - geometry.originX())) & wrap;
            }
            for (int y = 0; y < height; y++) {
                int rowBin = ((int) Math.floor(cos * (STEP * y + 1 - geometry.originY())) & wrap) * n;
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    int bin = rowBin + columnBin[x];
                    sum[bin] += data[base + x];
                    count[bin]++;
                }
            }
        } else {
            for (int y = 0; y < height; y++) {
                double dy = STEP * y + 1 - geometry.originY();
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    double dx = STEP * x + 1 - geometry.originX();
                    int bx = (int) Math.floor(cos * dx + sin * dy) & wrap;
                    int by = (int) Math.floor(-sin * dx + cos * dy) & wrap;
                    int bin = by * n + bx;
                    sum[bin] += data[base + x];
                    count[bin]++;
                }
            }
        }
        return RobustDetector.centredMeans(sum, count);
    }
}
