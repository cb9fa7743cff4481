package io.certana.watermark.robust;

import io.certana.watermark.code.PayloadCodec;
import io.certana.watermark.dsp.Plane;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detects Track B: residual at the working resolution, lattice hypotheses (the nominal periods of
 * an image that was not rescaled, then autocorrelation estimates), folding of all tiles into one,
 * dihedral and offset search against the sync template, despreading and CRC-aided list decoding.
 *
 * <p>False-positive bound: at most {@link #MAX_DECODES} decodes per image, each returning at most
 * L = 8 candidates checked against a 32-bit CRC, so an unmarked image passes with probability at
 * most 24 · 8 · 2^-32 ≈ 4.5e-8.
 */
public final class RobustDetector {

    /** Upper bound on decode attempts per image; enters the false-positive bound. */
    public static final int MAX_DECODES = 24;
    /** Standard deviation of the Gaussian whose output is subtracted to form the residual, working px. */
    static final double HIGH_PASS_SIGMA = Double.parseDouble(System.getProperty("wm.hp", "2.0"));
    /** Radius of the local standard deviation that normalises the residual, working px. */
    static final int NORMALISE_RADIUS = Integer.getInteger("wm.nr", 8);
    /** Clip of the normalised residual, which limits edges, black corners and stickers. */
    static final float CLIP = Float.parseFloat(System.getProperty("wm.clip", "2.5"));
    /** Autocorrelation lattice candidates tried after the nominal periods. */
    static final int LATTICE_CANDIDATES = 4;

    private final RobustTile tile;
    private final PayloadCodec codec;
    private final SyncSearch syncSearch;

    public RobustDetector(RobustTile tile, PayloadCodec codec) {
        this.tile = tile;
        this.codec = codec;
        this.syncSearch = new SyncSearch(tile);
    }

    /** Outcome of a detection: the best geometry found, and the payload when one decoded. */
    public record Result(Optional<Long> payload, TileGeometry geometry, double syncZ, double codeAgreement, int decodes) {
        public boolean detected() {
            return payload.isPresent();
        }
    }

    /** Residual at the working resolution, with its dimensions and the downscale factor. */
    public record Residual(float[] data, int width, int height, int factor) {
    }

    public Result detect(Plane luma) {
        return detect(residual(luma), true);
    }

    /**
     * Runs the hypotheses in order and stops at the first payload that passes the CRC.
     *
     * @param useLattice whether to try the autocorrelation estimates after the nominal periods
     */
    public Result detect(Residual residual, boolean useLattice) {
        List<double[]> hypotheses = nominalHypotheses(residual);
        Result best = null;
        int decodes = 0;
        int tried = 0;
        while (tried < hypotheses.size() || useLattice) {
            if (tried == hypotheses.size()) {
                // The nominal periods failed: add the autocorrelation estimates once.
                useLattice = false;
                LatticeEstimator estimator = new LatticeEstimator(residual.data(), residual.width(), residual.height());
                for (LatticeEstimator.Lattice lattice : estimator.candidates(LATTICE_CANDIDATES)) {
                    hypotheses.add(new double[] {lattice.period(), lattice.angle(),
                            residual.width() / 2.0, residual.height() / 2.0});
                }
                if (tried == hypotheses.size()) {
                    break;
                }
            }
            double[] h = hypotheses.get(tried++);
            if (decodes >= MAX_DECODES) {
                break;
            }
            Result result = tryHypothesis(residual, h[0], h[1], h[2], h[3]);
            decodes++;
            if (result.detected()) {
                return new Result(result.payload(), result.geometry(), result.syncZ(), result.codeAgreement(), decodes);
            }
            if (best == null || result.syncZ() > best.syncZ()) {
                best = result;
            }
        }
        if (best == null) {
            return new Result(Optional.empty(), null, 0, 0, decodes);
        }
        return new Result(Optional.empty(), best.geometry(), best.syncZ(), best.codeAgreement(), decodes);
    }

    /**
     * Periods of an image that was cropped but not rescaled: embedding used period 128 * m px for
     * its own factor m, unknown here after a crop, so every m that a crop down to half the short
     * side could have produced is tried, at angle 0 and origin 0.
     */
    private List<double[]> nominalHypotheses(Residual residual) {
        List<double[]> list = new ArrayList<>();
        int factor = residual.factor();
        int shortSide = Math.min(residual.width(), residual.height()) * factor;
        int maxM = Math.max(factor + 1, (int) Math.round(shortSide / 256.0));
        list.add(new double[] {RobustTile.PERIOD_PX, 0, 0, 0});
        for (int m = 1; m <= maxM; m++) {
            if (m != factor) {
                list.add(new double[] {RobustTile.PERIOD_PX * (double) m / factor, 0, 0, 0});
            }
        }
        return list;
    }

    public Residual residual(Plane luma) {
        int factor = RobustTile.scaleFactor(luma.width, luma.height);
        Plane working = luma.downscale(factor);
        Plane low = working.gaussianBlur(HIGH_PASS_SIGMA);
        Plane high = new Plane(working.width, working.height);
        for (int i = 0; i < high.data.length; i++) {
            high.data[i] = working.data[i] - low.data[i];
        }
        Plane spread = high.localStdDev(NORMALISE_RADIUS);
        float[] out = new float[high.data.length];
        for (int i = 0; i < out.length; i++) {
            float v = high.data[i] / (spread.data[i] + 1f);
            out[i] = Math.max(-CLIP, Math.min(CLIP, v));
        }
        return new Residual(out, working.width, working.height, factor);
    }

    Result tryHypothesis(Residual residual, double period, double angle, double originX, double originY) {
        TileGeometry fold = new TileGeometry(period, angle, originX, originY, 0, 0, 0, residual.factor());
        double[] folded = fold(residual, fold);
        SyncSearch.Match match = syncSearch.search(folded);
        TileGeometry geometry = new TileGeometry(period, angle, originX, originY, match.dihedral(),
                match.offsetX(), match.offsetY(), residual.factor());
        float[] llr = despread(match);
        Optional<PayloadCodec.Decoded> decoded = codec.decode(llr);
        double agreement = 0;
        if (decoded.isPresent()) {
            agreement = agreement(llr, codec.encode(decoded.get().payload()));
        }
        return new Result(decoded.map(PayloadCodec.Decoded::payload), geometry, match.z(), agreement, 1);
    }

    /** Accumulates every residual pixel into its fold bin (nearest bin) and returns the bin means. */
    static double[] fold(Residual residual, TileGeometry geometry) {
        int n = RobustTile.BINS;
        double[] sum = new double[n * n];
        int[] count = new int[n * n];
        double scale = RobustTile.CHIPS / geometry.period() * RobustTile.OVERSAMPLE;
        double cos = Math.cos(geometry.angle()) * scale;
        double sin = Math.sin(geometry.angle()) * scale;
        int w = residual.width();
        float[] data = residual.data();
        for (int y = 0; y < residual.height(); y++) {
            double dy = y + 0.5 - geometry.originY();
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - geometry.originX();
                int bx = Math.floorMod((int) Math.floor(cos * dx + sin * dy), n);
                int by = Math.floorMod((int) Math.floor(-sin * dx + cos * dy), n);
                int bin = by * n + bx;
                sum[bin] += data[y * w + x];
                count[bin]++;
            }
        }
        double mean = 0;
        int filled = 0;
        for (int i = 0; i < sum.length; i++) {
            if (count[i] > 0) {
                sum[i] /= count[i];
                mean += sum[i];
                filled++;
            }
        }
        mean = filled > 0 ? mean / filled : 0;
        for (int i = 0; i < sum.length; i++) {
            sum[i] = count[i] > 0 ? sum[i] - mean : 0;
        }
        return sum;
    }

    /** Reads each chip at its aligned centre, removes the sync contribution and despreads. */
    private float[] despread(SyncSearch.Match match) {
        int n = RobustTile.BINS;
        int os = RobustTile.OVERSAMPLE;
        double[] g = match.aligned();
        double syncShare = match.syncAmplitude();
        float[] llr = new float[RobustTile.CHIPS * RobustTile.CHIPS];
        for (int j = 0; j < RobustTile.CHIPS; j++) {
            for (int i = 0; i < RobustTile.CHIPS; i++) {
                double cx = (i + 0.5 + match.offsetX()) * os - 0.5;
                double cy = (j + 0.5 + match.offsetY()) * os - 0.5;
                // Matched-filter readout over the 3 x 3 bins around the chip centre.
                double value = 0;
                double weights = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        double w = RobustTile.kernel((double) dx / os) * RobustTile.kernel((double) dy / os);
                        value += w * bilinear(g, n, cx + dx, cy + dy);
                        weights += w;
                    }
                }
                value /= weights;
                int c = j * RobustTile.CHIPS + i;
                value -= syncShare * tile.sync[c];
                llr[tile.codeIndex[c]] = (float) (tile.pnSign[c] * value);
            }
        }
        return llr;
    }

    private static double bilinear(double[] g, int n, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int xa = Math.floorMod(x0, n);
        int xb = (xa + 1) % n;
        int ya = Math.floorMod(y0, n) * n;
        int yb = ((Math.floorMod(y0, n) + 1) % n) * n;
        return (1 - fy) * ((1 - fx) * g[ya + xa] + fx * g[ya + xb]) + fy * ((1 - fx) * g[yb + xa] + fx * g[yb + xb]);
    }

    /** Fraction of code bits whose soft value has the sign of the decoded codeword. */
    private static double agreement(float[] llr, byte[] codeBits) {
        int agree = 0;
        for (int i = 0; i < llr.length; i++) {
            if ((llr[i] >= 0) == (codeBits[i] == 0)) {
                agree++;
            }
        }
        return (double) agree / llr.length;
    }
}
