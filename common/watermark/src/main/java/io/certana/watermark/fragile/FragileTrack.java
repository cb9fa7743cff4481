package io.certana.watermark.fragile;

import io.certana.watermark.TamperMap;
import io.certana.watermark.code.PayloadCodec;
import io.certana.watermark.dsp.Bands;
import io.certana.watermark.dsp.KeyedStream;
import io.certana.watermark.dsp.Plane;
import io.certana.watermark.dsp.Rgb;
import io.certana.watermark.robust.RobustTile;
import io.certana.watermark.robust.TileGeometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Track A: semi-fragile spatial mark with a tamper map.
 *
 * <p>Each cell of 2 x 2 Track B chips (8 px at the working resolution, 16 x 16 cells per tile)
 * carries one bit by dither modulation, the scalar form of quantisation index modulation in B. Chen
 * and G. W. Wornell, "Quantization index modulation: a class of provably good methods for digital
 * watermarking and information embedding", IEEE Trans. IT 47(4), 2001. The quantised value is the
 * cell's luma mean weighted by the window sin²(πx)·sin²(πy) over the cell, so the change added to
 * the cell is a smooth bump that vanishes at the cell border. JPEG at quality 75 moves such means
 * by well under a quarter step; a local edit moves them anywhere.
 *
 * <p>The cell grid lives in Track B's tile coordinates, so whatever crop, rescale, rotation or flip
 * Track B recovers also places the cells. The 256 cells of a tile carry one polar codeword of the
 * payload (keyed cell order and keyed dither per cell); detection decodes it by soft combination
 * over all tiles, regenerates the expected bit of every cell, and scores each cell's disagreement.
 */
public final class FragileTrack {

    /** Cells per tile side; a cell is CHIPS / CELLS = 2 chips wide. */
    public static final int CELLS = 16;
    static final double CELL_CHIPS = (double) RobustTile.CHIPS / CELLS;
    /** Block score at or above which a tamper-map block counts as tampered (0.5 is unrelated content). */
    public static final float TAMPER_THRESHOLD = 0.3f;
    /** Share of blocks above the threshold from which the change is reported as global. */
    static final double GLOBAL_CHANGE_SHARE = 0.4;
    /** Lattice rotation from which the map is reported as a global change: 0.5°, in radians. */
    static final double ROTATION_GLOBAL_RADIANS = Math.toRadians(0.5);
    /** Relative distance of the lattice's scale from a whole embedding factor from which a copy counts as rescaled. */
    static final double RESAMPLED_TOLERANCE = 0.02;
    /** Block size in pixels below which the map of a rescaled copy is reported as a global change. */
    static final double MIN_RESAMPLED_BLOCK_PX = 32;
    /** Unmarked and unscored cells: means below EMBED_LOW or above EMBED_HIGH, in luma levels. */
    static final double EMBED_LOW = 4;
    static final double EMBED_HIGH = 251;
    /** Measure-and-correct rounds at embedding. */
    static final int EMBED_ROUNDS = 2;
    /** Cells with less than this share of their window inside the image are not scored. */
    static final double MIN_COVERAGE = 0.6;

    private final PayloadCodec codec;
    private final double step;
    private final int[] cellBit = new int[CELLS * CELLS];
    private final double[] dither = new double[CELLS * CELLS];

    public FragileTrack(PayloadCodec codec, byte[] key, double step) {
        if (codec.codeLength() != CELLS * CELLS) {
            throw new IllegalArgumentException("Track A needs a code of length " + CELLS * CELLS);
        }
        this.codec = codec;
        this.step = step;
        int[] order = new KeyedStream(key, "track-a/cell-order").permutation(CELLS * CELLS);
        KeyedStream ditherStream = new KeyedStream(key, "track-a/dither");
        for (int c = 0; c < cellBit.length; c++) {
            cellBit[c] = order[c];
            dither[c] = ditherStream.nextDouble() * step;
        }
    }

    /**
     * Marks ARGB pixels (Track B already applied) and returns the new pixels. Cell means are
     * measured exactly as the detector measures them (at the working resolution, through the
     * embedding geometry), and a second round corrects what rounding and clipping left over.
     */
    public Rgb.Changed embed(int[] argb, int width, int height, long payload) {
        byte[] code = codec.encode(payload);
        int factor = RobustTile.scaleFactor(width, height);
        TileGeometry geometry = new TileGeometry(RobustTile.PERIOD_PX, 0, 0, 0, 0, 0, 0, factor);
        Cells cells = measure(Plane.lumaDownscaled(argb, width, height, factor), geometry);
        int count = cells.mean.length;
        double[] target = new double[count];
        boolean[] active = new boolean[count];
        for (int i = 0; i < count; i++) {
            double mean = cells.mean[i];
            // Cells near black or white are left alone: their bumps would clip, and on flat black
            // or white they are the most visible.
            if (cells.weight[i] > 0 && mean >= EMBED_LOW && mean <= EMBED_HIGH) {
                active[i] = true;
                target[i] = quantise(mean, cells.local[i], code[cellBit[cells.local[i]]]);
            }
        }
        double[] amplitude = new double[count];
        Rgb.Changed out = null;
        for (int round = 0; round < EMBED_ROUNDS; round++) {
            for (int i = 0; i < count; i++) {
                if (active[i]) {
                    // A bump a·w moves the weighted mean by a·Σw²/Σw.
                    amplitude[i] += (target[i] - cells.mean[i]) * cells.weight[i] / cells.weightSquares[i];
                }
            }
            boolean last = round + 1 == EMBED_ROUNDS;
            Plane working = last ? null : new Plane(width / factor, height / factor);
            out = render(argb, amplitude, cells, width, height, factor, working);
            if (!last) {
                cells = measure(working, geometry);
            }
        }
        return out;
    }

    /**
     * Adds the luma change to the pixels: each cell's amplitude times its window, at full
     * resolution. Sums the squared error of the change, and, when {@code working} is given, fills
     * it with the result's luma downscaled by {@code factor}: the sums of
     * {@link Plane#lumaDownscaled(int[], int, int, int)} in the same order, so the values are identical.
     */
    private static Rgb.Changed render(int[] argb, double[] amplitude, Cells cells, int width, int height, int factor,
                                      Plane working) {
        double cellPx = RobustTile.CHIP_PX * factor * CELL_CHIPS;
        int[] columnCell = new int[width];
        float[] windowX = new float[width];
        for (int x = 0; x < width; x++) {
            double u = (x + 0.5) / cellPx;
            int cx = (int) Math.floor(u);
            columnCell[x] = cx - cells.minX;
            windowX[x] = (float) window(u - cx);
        }
        int[] out = new int[argb.length];
        float norm = 1f / (factor * factor);
        // Bands hold whole groups of `factor` rows, so each working row is summed by one band.
        int groups = (height + factor - 1) / factor;
        long squaredError = Bands.sum(groups, argb.length, (firstGroup, endGroup) -> {
            long bandError = 0;
            float[] rowSums = working == null ? null : new float[working.width];
            for (int y = firstGroup * factor; y < Math.min(height, endGroup * factor); y++) {
                double v = (y + 0.5) / cellPx;
                int cy = (int) Math.floor(v);
                float wy = (float) window(v - cy);
                int rowBase = (cy - cells.minY) * cells.columns;
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    float delta = (float) amplitude[rowBase + columnCell[x]] * wy * windowX[x];
                    int p = Rgb.addToPixel(argb[base + x], delta);
                    out[base + x] = p;
                    bandError += Rgb.squaredDifference(argb[base + x], p);
                }
                if (working != null && y / factor < working.height) {
                    accumulateWorkingRow(out, base, y % factor, factor, norm, rowSums, working, y / factor);
                }
            }
            return bandError;
        });
        return new Rgb.Changed(out, squaredError);
    }

    /** Adds a full-resolution row to its working row's area average, stored once its last input row is in. */
    private static void accumulateWorkingRow(int[] pixels, int base, int dy, int factor, float norm, float[] rowSums,
                                             Plane working, int workingRow) {
        if (dy == 0) {
            java.util.Arrays.fill(rowSums, 0);
        }
        for (int x = 0; x < working.width; x++) {
            float sum = 0;
            int start = base + x * factor;
            for (int dx = 0; dx < factor; dx++) {
                sum += Plane.luma(pixels[start + dx]);
            }
            rowSums[x] += sum;
        }
        if (dy == factor - 1) {
            for (int x = 0; x < working.width; x++) {
                working.data[workingRow * working.width + x] = rowSums[x] * norm;
            }
        }
    }

    /** Nearest lattice point of the bit's coset, kept inside [step/2, 255 - step/2] so the bump is not clipped away. */
    private double quantise(double mean, int local, int bit) {
        double offset = dither[local] + bit * step / 2;
        double target = step * Math.round((mean - offset) / step) + offset;
        if (target < step / 2) {
            target += step;
        } else if (target > 255 - step / 2) {
            target -= step;
        }
        return target;
    }

    /** sin² window over a cell, f in [0, 1). */
    private static double window(double f) {
        double s = Math.sin(Math.PI * f);
        return s * s;
    }

    /**
     * Track A detection: its own payload when it decoded, and the tamper map when a payload was
     * known. candidateAgreement is the decoder margin of {@link PayloadCodec.Attempt#bestAgreement()}.
     */
    public record Detection(Optional<Long> payload, double codeAgreement, Optional<TamperMap> tamperMap,
                            double candidateAgreement) {
    }

    /**
     * Detects Track A at the geometry Track B found.
     *
     * @param working         luma of the image under detection at Track B's working resolution
     * @param width           width of the image under detection, in its own pixels
     * @param height          height of the image under detection, in its own pixels
     * @param geometry        Track B's lattice geometry (working resolution)
     * @param robustPayload   Track B's payload when it decoded, used when Track A's own decode fails
     */
    public Detection detect(Plane working, int width, int height, TileGeometry geometry, Optional<Long> robustPayload) {
        Detection best = detectAt(working, width, height, geometry, robustPayload);
        if (best.codeAgreement() >= NOMINAL_RETRY_BELOW) {
            return best;
        }
        for (TileGeometry candidate : nominalCandidates(geometry)) {
            if (candidate.equals(geometry)) {
                continue;
            }
            Detection other = detectAt(working, width, height, candidate, robustPayload);
            if (other.codeAgreement() > best.codeAgreement()) {
                best = other;
            }
        }
        return best;
    }

    /**
     * Agreement from which the cells read at Track B's geometry are taken as they are: an intact
     * or recompressed copy agrees almost everywhere, so only a copy with disagreeing cells is read
     * again on the embedded lattice.
     */
    static final double NOMINAL_RETRY_BELOW = 0.98;

    /**
     * The embedder's own lattice, when Track B's estimate lies within its search precision of it
     * (period within 1 %, angle within 0.3°, no mirror or quarter turn). Track B's estimate is
     * precise enough for its spread-spectrum decoder but can sit a fraction of a cell off the
     * embedded grid when part of the image was edited. Track A reads cell means, and on fine
     * texture such as print, an offset of a fraction of a cell turns intact areas into tampered
     * blocks. Where the copy was not resampled, the exact grid is either the embedder's (no crop)
     * or Track B's origin with the exact period and angle (a crop). Detection keeps the grid with
     * the best agreement.
     */
    private static List<TileGeometry> nominalCandidates(TileGeometry geometry) {
        boolean nominalPeriod = Math.abs(geometry.period() / RobustTile.PERIOD_PX - 1) < 0.01;
        boolean nominalAngle = Math.abs(geometry.angle()) < Math.toRadians(0.3);
        if (!nominalPeriod || !nominalAngle || geometry.dihedral() != 0) {
            return List.of();
        }
        int factor = geometry.workingFactor();
        return List.of(
                new TileGeometry(RobustTile.PERIOD_PX, 0, 0, 0, 0, 0, 0, factor),
                new TileGeometry(RobustTile.PERIOD_PX, 0, geometry.originX(), geometry.originY(), 0, geometry.offsetX(),
                        geometry.offsetY(), factor));
    }

    private Detection detectAt(Plane working, int width, int height, TileGeometry geometry,
            Optional<Long> robustPayload) {
        Cells cells = measure(working, geometry);
        float[] llr = new float[CELLS * CELLS];
        for (int i = 0; i < cells.soft.length; i++) {
            if (cells.valid[i]) {
                llr[cellBit[cells.local[i]]] += (float) cells.soft[i];
            }
        }
        PayloadCodec.Attempt attempt = codec.attempt(llr);
        Optional<Long> own = attempt.decoded().map(PayloadCodec.Decoded::payload);
        Optional<Long> payload = own.isPresent() ? own : robustPayload;
        if (payload.isEmpty()) {
            return new Detection(Optional.empty(), 0, Optional.empty(), attempt.bestAgreement());
        }
        byte[] code = codec.encode(payload.get());
        double[] disagreement = new double[cells.soft.length];
        int agree = 0;
        int scored = 0;
        for (int i = 0; i < cells.soft.length; i++) {
            if (!cells.valid[i]) {
                continue;
            }
            double expected = code[cellBit[cells.local[i]]] == 0 ? 1 : -1;
            disagreement[i] = (1 - expected * cells.soft[i]) / 2;
            scored++;
            if (disagreement[i] < 0.5) {
                agree++;
            }
        }
        double agreement = scored > 0 ? (double) agree / scored : 0;
        TamperMap map = tamperMap(cells, disagreement, geometry, width, height);
        return new Detection(own, agreement, Optional.of(map), attempt.bestAgreement());
    }

    /** Per-cell measurements over unwrapped cell indices covering the image. */
    private static final class Cells {
        int minX;
        int minY;
        int columns;
        int rows;
        double[] mean;
        double[] weight;
        double[] weightSquares;
        double[] soft;
        boolean[] valid;
        int[] local;
    }

    private Cells measure(Plane working, TileGeometry geometry) {
        // Unwrapped cell range from the image corners mapped into tile coordinates.
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] corner : new double[][] {{0, 0}, {working.width, 0}, {0, working.height},
                {working.width, working.height}}) {
            double[] t = geometry.tileCoordinates(corner[0], corner[1]);
            minX = Math.min(minX, t[0]);
            maxX = Math.max(maxX, t[0]);
            minY = Math.min(minY, t[1]);
            maxY = Math.max(maxY, t[1]);
        }
        Cells cells = new Cells();
        cells.minX = (int) Math.floor(minX / CELL_CHIPS) - 1;
        cells.minY = (int) Math.floor(minY / CELL_CHIPS) - 1;
        cells.columns = (int) Math.floor(maxX / CELL_CHIPS) + 2 - cells.minX;
        cells.rows = (int) Math.floor(maxY / CELL_CHIPS) + 2 - cells.minY;
        int count = cells.columns * cells.rows;
        double[] weightedSum = new double[count];
        double[] weights = new double[count];
        double[] squares = new double[count];
        for (int y = 0; y < working.height; y++) {
            for (int x = 0; x < working.width; x++) {
                double[] t = geometry.tileCoordinates(x + 0.5, y + 0.5);
                double u = t[0] / CELL_CHIPS;
                double v = t[1] / CELL_CHIPS;
                int cx = (int) Math.floor(u);
                int cy = (int) Math.floor(v);
                double w = window(u - cx) * window(v - cy);
                int cell = (cy - cells.minY) * cells.columns + (cx - cells.minX);
                weightedSum[cell] += w * working.data[y * working.width + x];
                weights[cell] += w;
                squares[cell] += w * w;
            }
        }
        // A whole cell spans (cell size in working px)² pixels with mean window weight 1/4.
        double cellPx = geometry.period() / CELLS;
        double fullWeight = cellPx * cellPx / 4;
        cells.mean = new double[count];
        cells.weight = weights;
        cells.weightSquares = squares;
        cells.soft = new double[count];
        cells.valid = new boolean[count];
        cells.local = new int[count];
        for (int r = 0; r < cells.rows; r++) {
            for (int c = 0; c < cells.columns; c++) {
                int cell = r * cells.columns + c;
                int local = Math.floorMod(r + cells.minY, CELLS) * CELLS + Math.floorMod(c + cells.minX, CELLS);
                cells.local[cell] = local;
                if (weights[cell] <= 0) {
                    continue;
                }
                double mean = weightedSum[cell] / weights[cell];
                cells.mean[cell] = mean;
                if (weights[cell] < MIN_COVERAGE * fullWeight || mean < EMBED_LOW + step || mean > EMBED_HIGH - step) {
                    // Detection scores means one step inside the embedding range, so recompression
                    // cannot move an unmarked cell into the scored range.
                    continue;
                }
                // +1 on the bit-0 lattice, -1 on the bit-1 lattice half a step away.
                cells.soft[cell] = Math.cos(2 * Math.PI * (mean - dither[local]) / step);
                cells.valid[cell] = true;
            }
        }
        return cells;
    }

    private TamperMap tamperMap(Cells cells, double[] disagreement, TileGeometry geometry, int width, int height) {
        int factor = geometry.workingFactor();
        // Blocks of 2 x 2 cells, measured in pixels of the image under detection.
        int blockSize = Math.max(4, (int) Math.round(2 * geometry.period() / CELLS * factor));
        int columns = (width + blockSize - 1) / blockSize;
        int rows = (height + blockSize - 1) / blockSize;
        double[] sum = new double[columns * rows];
        int[] count = new int[columns * rows];
        for (int r = 0; r < cells.rows; r++) {
            for (int c = 0; c < cells.columns; c++) {
                int cell = r * cells.columns + c;
                if (!cells.valid[cell]) {
                    continue;
                }
                double[] p = geometry.workingPoint((c + cells.minX + 0.5) * CELL_CHIPS, (r + cells.minY + 0.5) * CELL_CHIPS);
                int bx = (int) Math.floor(p[0] * factor / blockSize);
                int by = (int) Math.floor(p[1] * factor / blockSize);
                if (bx < 0 || by < 0 || bx >= columns || by >= rows) {
                    continue;
                }
                sum[by * columns + bx] += disagreement[cell];
                count[by * columns + bx]++;
            }
        }
        float[] scores = new float[columns * rows];
        int flagged = 0;
        int filled = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = count[i] > 0 ? (float) (sum[i] / count[i]) : -1f;
            if (count[i] > 0) {
                filled++;
                if (scores[i] >= TAMPER_THRESHOLD) {
                    flagged++;
                }
            }
        }
        // A rotated copy is resampled on a grid turned against the cells, and its fill leaves wedges
        // along the borders. The map then shows where the rotation hurt the cells, not where the
        // content changed, so it is reported as a global change that localises nothing.
        boolean rotated = Math.abs(geometry.angle()) > ROTATION_GLOBAL_RADIANS;
        // A copy rescaled by a non-integer factor until its blocks are small is read through few,
        // blurred pixels per cell. A screenshot-size copy of a 12-megapixel photo (29 px blocks)
        // showed false regions of 22 to 179 blocks with few tampered blocks around them. The
        // verdict would take them for a local edit, so such a map is a global change too.
        double latticeFactor = geometry.period() * factor / RobustTile.PERIOD_PX;
        boolean resampled = Math.abs(latticeFactor - Math.rint(latticeFactor)) > RESAMPLED_TOLERANCE * latticeFactor;
        boolean smallResampled = resampled && 2 * geometry.period() / CELLS * factor < MIN_RESAMPLED_BLOCK_PX;
        boolean global = rotated || smallResampled || filled > 0 && flagged > GLOBAL_CHANGE_SHARE * filled;
        List<TamperMap.Region> regions = global ? List.of() : regions(scores, columns, rows, blockSize, width, height);
        return new TamperMap(columns, rows, blockSize, scores, TAMPER_THRESHOLD, regions, global);
    }

    /** Bounding boxes of 4-connected components of tampered blocks, largest first. */
    private static List<TamperMap.Region> regions(float[] scores, int columns, int rows, int blockSize, int width,
                                                  int height) {
        boolean[] seen = new boolean[scores.length];
        List<TamperMap.Region> regions = new ArrayList<>();
        int[] stack = new int[scores.length];
        for (int start = 0; start < scores.length; start++) {
            if (seen[start] || scores[start] < TAMPER_THRESHOLD) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int minX = columns;
            int minY = rows;
            int maxX = -1;
            int maxY = -1;
            int blocks = 0;
            while (top > 0) {
                int i = stack[--top];
                int x = i % columns;
                int y = i / columns;
                blocks++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                int[] neighbours = {x > 0 ? i - 1 : -1, x < columns - 1 ? i + 1 : -1, y > 0 ? i - columns : -1,
                        y < rows - 1 ? i + columns : -1};
                for (int n : neighbours) {
                    if (n >= 0 && !seen[n] && scores[n] >= TAMPER_THRESHOLD) {
                        seen[n] = true;
                        stack[top++] = n;
                    }
                }
            }
            int x0 = minX * blockSize;
            int y0 = minY * blockSize;
            regions.add(new TamperMap.Region(x0, y0, Math.min(width, (maxX + 1) * blockSize) - x0,
                    Math.min(height, (maxY + 1) * blockSize) - y0, blocks));
        }
        regions.sort((a, b) -> Integer.compare(b.blocks(), a.blocks()));
        return regions;
    }
}
