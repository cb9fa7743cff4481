package io.certana.watermark.robust;

import io.certana.watermark.code.PayloadCodec;
import io.certana.watermark.dsp.Bands;
import io.certana.watermark.dsp.Plane;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detects Track B. The residual at the working resolution is folded into one tile under lattice
 * hypotheses (period, angle), aligned against the sync template over the dihedral group and cyclic
 * offsets, despread and decoded with the CRC-aided list decoder.
 *
 * <p>False-positive bound: at most {@link #MAX_DECODES} decodes per image, each returning at most
 * L = 8 candidates checked against a 32-bit CRC, so an unmarked image passes with probability at
 * most 24 · 8 · 2^-32 ≈ 4.5e-8 whatever the search stages score.
 */
public final class RobustDetector {

    /** Upper bound on decode attempts per image; enters the false-positive bound. */
    public static final int MAX_DECODES = 24;
    /** Standard deviation of the Gaussian whose output is subtracted to form the residual, working px. */
    static final double HIGH_PASS_SIGMA = 2.0;
    /** Radius of the local standard deviation that normalises the residual, working px. */
    static final int NORMALISE_RADIUS = 8;
    /** Clip of the normalised residual, which limits edges, black corners and stickers. */
    static final float CLIP = 2.5f;
    /** Autocorrelation lattice candidates tried last. */
    static final int LATTICE_CANDIDATES = 4;
    /** Hypotheses decoded from each search stage, best sync z-score first. */
    static final int SEARCH_DECODES = 4;
    /** Largest rotation searched at the nominal periods, in radians (larger ones rely on autocorrelation). */
    static final double MAX_SEARCH_ANGLE = Math.toRadians(10);
    /** Smallest period searched for rescaled images, in working pixels. */
    static final double MIN_SEARCH_PERIOD = 40;
    /**
     * Coarse sync z-score below which a searched hypothesis is neither refined nor decoded. In the
     * false-positive survey (`certana watermark fpr`: 1669 unmarked photos, generated images and
     * edited copies, and 160 images marked with another key) the highest coarse z-score was 6.28.
     * The evaluation harness's photos, marked, scored 8.8 and more where only a search found the
     * payload (rotations of 2° and 5°, rescales to 1280 px). So unmarked images skip nearly every
     * search decode, and a weak mark between the two values still gets decoded. The screen saves
     * time only: a hypothesis above it is decoded and still has to pass the CRC.
     */
    static final double SCREEN_Z = 6.5;

    private final RobustTile tile;
    private final PayloadCodec codec;
    private final SyncSearch fineSearch;
    private final SyncSearch coarseSearch;

    public RobustDetector(RobustTile tile, PayloadCodec codec) {
        this.tile = tile;
        this.codec = codec;
        this.fineSearch = new SyncSearch(tile, RobustTile.OVERSAMPLE);
        this.coarseSearch = new SyncSearch(tile, 2);
    }

    /** The search stage that produced a detection. */
    public enum Stage {
        NOMINAL,
        ROTATION,
        SCALE,
        LATTICE
    }

    /**
     * Outcome of a detection: the best geometry found, and the payload when one decoded.
     * candidateAgreement is the highest {@link PayloadCodec.Attempt#bestAgreement()} over all
     * decodes. searchZ is the coarse sync z-score of the searched hypothesis that decoded. When
     * none decoded it is the highest coarse z-score of the searches, and NaN when no search ran.
     * stage is where the payload was found, null when it was not.
     */
    public record Result(Optional<Long> payload, TileGeometry geometry, double syncZ, double codeAgreement, int decodes,
                         double candidateAgreement, double searchZ, Stage stage) {
        public boolean detected() {
            return payload.isPresent();
        }
    }

    /** Residual at the working resolution, with its dimensions and the downscale factor. */
    public record Residual(float[] data, int width, int height, int factor) {
    }

    /** A lattice hypothesis with the sync z-score of its coarse fold. */
    private record Scored(double period, double angle, double originX, double originY, double z) {
    }

    public Result detect(Plane luma) {
        return detect(residual(luma), true);
    }

    /**
     * Tries lattice hypotheses in stages and stops at the first payload that passes the CRC:
     * the nominal periods of an image that was not rescaled; then, scored by the sync z-score of a
     * coarse fold, a search over small rotations at those periods and a search over periods at
     * angle 0 (rescaled images); last, the autocorrelation estimates, which also cover rescaled
     * and rotated images. Only the best-scoring hypotheses of each stage are decoded.
     *
     * @param searchGeometry whether to run the stages after the nominal periods
     */
    public Result detect(Residual residual, boolean searchGeometry) {
        Tracker tracker = new Tracker();
        List<Double> nominal = nominalPeriods(residual);
        for (double period : nominal) {
            if (tracker.attempt(residual, period, 0, 0, 0, Stage.NOMINAL)) {
                return tracker.result();
            }
        }
        if (!searchGeometry) {
            return tracker.result();
        }
        CoarseResidual coarse = CoarseResidual.of(residual);
        double cx = residual.width() / 2.0;
        double cy = residual.height() / 2.0;
        // Radius of the image in chips at the nominal period: a step that moves the farthest
        // pixel by a third of a chip keeps the fold coherent between grid points.
        double radiusChips = Math.hypot(cx, cy) / RobustTile.CHIP_PX;
        double angleStep = Math.min(Math.toRadians(0.5), 0.33 / radiusChips);
        List<Scored> rotations = new ArrayList<>();
        for (double period : nominal) {
            double step = angleStep * RobustTile.PERIOD_PX / period;
            for (double angle = -MAX_SEARCH_ANGLE; angle <= MAX_SEARCH_ANGLE + 1e-9; angle += step) {
                if (Math.abs(angle) > step / 2) {
                    rotations.add(new Scored(period, angle, cx, cy, Double.NaN));
                }
            }
        }
        rotations = scoreAll(coarse, residual.factor(), rotations);
        if (tracker.tryBest(residual, coarse, rotations, SEARCH_DECODES, angleStep, 0, Stage.ROTATION)) {
            return tracker.result();
        }
        List<Scored> scales = new ArrayList<>();
        double maxPeriod = Math.min(residual.width(), residual.height()) * 0.8;
        double ratio = 1 + 0.33 / radiusChips;
        for (double period = MIN_SEARCH_PERIOD; period <= maxPeriod; period *= ratio) {
            scales.add(new Scored(period, 0, cx, cy, Double.NaN));
        }
        scales = scoreAll(coarse, residual.factor(), scales);
        if (tracker.tryBest(residual, coarse, scales, SEARCH_DECODES, 0, ratio - 1, Stage.SCALE)) {
            return tracker.result();
        }
        LatticeEstimator estimator = new LatticeEstimator(residual.data(), residual.width(), residual.height());
        for (LatticeEstimator.Lattice lattice : estimator.candidates(LATTICE_CANDIDATES)) {
            Scored candidate = score(coarse, residual.factor(), lattice.period(), lattice.angle(), cx, cy);
            tracker.searched(candidate.z());
            if (candidate.z() < SCREEN_Z) {
                continue;
            }
            if (tracker.attempt(residual, lattice.period(), lattice.angle(), cx, cy, Stage.LATTICE)) {
                return tracker.result();
            }
        }
        return tracker.result();
    }

    /** Keeps the decode count (bounded by MAX_DECODES) and the best unsuccessful hypothesis. */
    private final class Tracker {
        private int decodes;
        private double candidateAgreement;
        private double searchZ = Double.NaN;
        private double foundZ = Double.NaN;
        private Stage foundStage;
        private Result best;
        private Result found;

        /** Records a searched hypothesis's coarse z-score before it is decoded. */
        private void searched(double z) {
            searchZ = Double.isNaN(searchZ) ? z : Math.max(searchZ, z);
            foundZ = z;
        }

        boolean attempt(Residual residual, double period, double angle, double originX, double originY, Stage stage) {
            if (decodes >= MAX_DECODES) {
                return false;
            }
            decodes++;
            Result result = tryHypothesis(residual, period, angle, originX, originY);
            candidateAgreement = Math.max(candidateAgreement, result.candidateAgreement());
            if (result.detected()) {
                found = result;
                foundStage = stage;
                if (stage == Stage.NOMINAL) {
                    foundZ = Double.NaN;
                }
                return true;
            }
            if (best == null || result.syncZ() > best.syncZ()) {
                best = result;
            }
            return false;
        }

        /**
         * Refines the best-scoring hypotheses on a finer local grid and decodes them, best first,
         * while their coarse z-score reaches {@link #SCREEN_Z}.
         */
        boolean tryBest(Residual residual, CoarseResidual coarse, List<Scored> scored, int count, double angleStep,
                        double periodStep, Stage stage) {
            scored.sort((a, b) -> Double.compare(b.z(), a.z()));
            for (int i = 0; i < Math.min(count, scored.size()); i++) {
                Scored start = scored.get(i);
                searched(start.z());
                if (start.z() < SCREEN_Z) {
                    return false;
                }
                Scored refined = start;
                for (int a = -2; a <= 2; a++) {
                    for (int p = -2; p <= 2; p++) {
                        if (a == 0 && p == 0) {
                            continue;
                        }
                        Scored s = score(coarse, residual.factor(), start.period() * (1 + p * periodStep / 4),
                                start.angle() + a * angleStep / 4, start.originX(), start.originY());
                        if (s.z() > refined.z()) {
                            refined = s;
                        }
                    }
                }
                if (attempt(residual, refined.period(), refined.angle(), refined.originX(), refined.originY(), stage)) {
                    return true;
                }
            }
            return false;
        }

        Result result() {
            Result r = found != null ? found : best;
            double z = found != null ? foundZ : searchZ;
            if (r == null) {
                return new Result(Optional.empty(), null, 0, 0, decodes, candidateAgreement, z, null);
            }
            return new Result(r.payload(), r.geometry(), r.syncZ(), r.codeAgreement(), decodes, candidateAgreement, z,
                    foundStage);
        }
    }

    /**
     * Scores hypotheses on the available cores. Each result lands at its hypothesis's index, so
     * the returned list, and the ranking made from it, do not depend on scheduling.
     */
    private List<Scored> scoreAll(CoarseResidual coarse, int factor, List<Scored> hypotheses) {
        Scored[] scored = new Scored[hypotheses.size()];
        Bands.run(scored.length, (long) scored.length * coarse.pixels(), (start, end) -> {
            for (int i = start; i < end; i++) {
                Scored h = hypotheses.get(i);
                scored[i] = score(coarse, factor, h.period(), h.angle(), h.originX(), h.originY());
            }
        });
        return new ArrayList<>(List.of(scored));
    }

    private Scored score(CoarseResidual coarse, int factor, double period, double angle, double originX,
                         double originY) {
        TileGeometry geometry = new TileGeometry(period, angle, originX, originY, 0, 0, 0, factor);
        SyncSearch.Match match = coarseSearch.search(coarse.fold(geometry, coarseSearch.oversample()));
        return new Scored(period, angle, originX, originY, match.z());
    }

    /**
     * Periods of an image that was cropped but not rescaled: embedding used period 128 * m px for
     * its own factor m, unknown here after a crop, so every m that a crop down to half the short
     * side could have produced is tried, the image's own factor first. The factor is the rounded
     * short side / 512, which a crop never raises, so m starts at the image's own factor.
     */
    private static List<Double> nominalPeriods(Residual residual) {
        List<Double> list = new ArrayList<>();
        int factor = residual.factor();
        int shortSide = Math.min(residual.width(), residual.height()) * factor;
        int maxM = Math.max(factor + 1, (int) Math.round(shortSide / 256.0));
        for (int m = factor; m <= maxM; m++) {
            list.add(RobustTile.PERIOD_PX * (double) m / factor);
        }
        return list;
    }

    public Residual residual(Plane luma) {
        int factor = RobustTile.scaleFactor(luma.width, luma.height);
        return residual(luma.downscale(factor), factor);
    }

    /** Computes the residual from luma already downscaled by {@code factor} to the working resolution. */
    public Residual residual(Plane working, int factor) {
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
        double[] folded = fold(residual, fold, RobustTile.OVERSAMPLE);
        SyncSearch.Match match = fineSearch.search(folded);
        double offsetX = match.offsetX();
        double offsetY = match.offsetY();
        double embedFactor = period * residual.factor() / RobustTile.PERIOD_PX;
        if (angle == 0 && originX == 0 && originY == 0 && Math.abs(embedFactor - Math.rint(embedFactor)) < 1e-9) {
            // Without rotation or rescaling, crops and flips move the grid by whole image pixels,
            // that is by multiples of 1 / (CHIP_PX * m) chips; snapping removes the sub-bin
            // estimation error, which matters to Track A's cell means.
            double grid = RobustTile.CHIP_PX * Math.rint(embedFactor);
            offsetX = Math.rint(offsetX * grid) / grid;
            offsetY = Math.rint(offsetY * grid) / grid;
        }
        TileGeometry geometry = new TileGeometry(period, angle, originX, originY, match.dihedral(),
                offsetX, offsetY, residual.factor());
        float[] llr = despread(match, SyncSearch.transform(folded, match.dihedral(), RobustTile.BINS));
        PayloadCodec.Attempt attempt = codec.attempt(llr);
        Optional<PayloadCodec.Decoded> decoded = attempt.decoded();
        double agreement = 0;
        if (decoded.isPresent()) {
            agreement = agreement(llr, codec.encode(decoded.get().payload()));
        }
        return new Result(decoded.map(PayloadCodec.Decoded::payload), geometry, match.z(), agreement, 1,
                attempt.bestAgreement(), Double.NaN, null);
    }

    /**
     * Measures the code-bit SNR of a mark at its embedding geometry (no rotation, no rescale, sync
     * offset searched), in dB: 20·log10(mean / standard deviation) of the soft values multiplied by
     * the code's ±1 signs. Used by the embedder to raise the strength on hard images.
     */
    public double codeSnrDb(Plane luma, byte[] codeBits) {
        Residual residual = residual(luma);
        TileGeometry geometry = new TileGeometry(RobustTile.PERIOD_PX, 0, 0, 0, 0, 0, 0, residual.factor());
        double[] folded = fold(residual, geometry, RobustTile.OVERSAMPLE);
        SyncSearch.Match match = fineSearch.search(folded);
        float[] llr = despread(match, SyncSearch.transform(folded, match.dihedral(), RobustTile.BINS));
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < llr.length; i++) {
            double v = codeBits[i] == 0 ? llr[i] : -llr[i];
            sum += v;
            sumSquares += v * v;
        }
        double mean = sum / llr.length;
        double std = Math.sqrt(Math.max(1e-12, sumSquares / llr.length - mean * mean));
        return 20 * Math.log10(Math.max(1e-6, mean) / std);
    }

    /** Accumulates every residual pixel into its fold bin (nearest bin) and returns the bin means. */
    static double[] fold(Residual residual, TileGeometry geometry, int oversample) {
        int n = RobustTile.CHIPS * oversample;
        // n is a power of two, so k & (n - 1) equals Math.floorMod(k, n) for every int k, without
        // the two integer divisions per pixel that made folding most of a detection's time.
        int wrap = n - 1;
        if ((n & wrap) != 0) {
            throw new IllegalArgumentException("fold size must be a power of two: " + n);
        }
        double[] sum = new double[n * n];
        int[] count = new int[n * n];
        double scale = RobustTile.CHIPS / geometry.period() * oversample;
        double cos = Math.cos(geometry.angle()) * scale;
        double sin = Math.sin(geometry.angle()) * scale;
        int w = residual.width();
        float[] data = residual.data();
        for (int y = 0; y < residual.height(); y++) {
            double dy = y + 0.5 - geometry.originY();
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - geometry.originX();
                int bx = (int) Math.floor(cos * dx + sin * dy) & wrap;
                int by = (int) Math.floor(-sin * dx + cos * dy) & wrap;
                int bin = by * n + bx;
                sum[bin] += data[y * w + x];
                count[bin]++;
            }
        }
        return centredMeans(sum, count);
    }

    /** Turns bin sums into bin means minus the mean over filled bins; empty bins become 0. Works in place. */
    static double[] centredMeans(double[] sum, int[] count) {
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
    private float[] despread(SyncSearch.Match match, double[] g) {
        int n = RobustTile.BINS;
        int os = RobustTile.OVERSAMPLE;
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
