package io.certana.watermark.robust;

import io.certana.watermark.dsp.Bands;
import io.certana.watermark.dsp.Fft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Estimates the period and angle of the periodic watermark from the autocorrelation of the
 * detection residual, after M. Kutter, "Watermarking resisting to translation, rotation and
 * scaling", Proc. SPIE 3528, 1999: a tile repeated on a square lattice produces autocorrelation
 * peaks on the same lattice, whatever the shift, and rotated and scaled with the image.
 *
 * <p>Instead of picking individual peaks, every (period, angle) on a grid is scored by the peak
 * prominence at the lattice points minus that at the half-lattice points. The half points make the
 * score prefer the true period over its multiples (whose half points are true peaks) and over its
 * halves (whose odd points are empty). The best candidates are then refined with lattice points up
 * to four periods out, because an error of 1 % in the period drifts a whole chip across three tiles.
 */
final class LatticeEstimator {

    /** A lattice hypothesis: period in working pixels, angle in radians within [0, π/2). */
    record Lattice(double period, double angle, double score) {
    }

    private static final int MAX_REGION = 640;
    private static final double MIN_PERIOD = 40;
    /** Period step of the coarse grid, in working pixels. */
    private static final double PERIOD_STEP = 0.5;
    private static final double LAG_FRACTION = 0.6;

    private final double[] prominence;
    private final int padWidth;
    private final int padHeight;
    private final double maxLagX;
    private final double maxLagY;

    LatticeEstimator(float[] residual, int width, int height) {
        int regionWidth = Math.min(width, MAX_REGION);
        int regionHeight = Math.min(height, MAX_REGION);
        int x0 = (width - regionWidth) / 2;
        int y0 = (height - regionHeight) / 2;
        padWidth = Fft.nextPowerOfTwo((int) Math.ceil(regionWidth * (1 + LAG_FRACTION)));
        padHeight = Fft.nextPowerOfTwo((int) Math.ceil(regionHeight * (1 + LAG_FRACTION)));
        maxLagX = LAG_FRACTION * regionWidth;
        maxLagY = LAG_FRACTION * regionHeight;

        double[] re = new double[padWidth * padHeight];
        double[] im = new double[padWidth * padHeight];
        for (int y = 0; y < regionHeight; y++) {
            for (int x = 0; x < regionWidth; x++) {
                re[y * padWidth + x] = residual[(y0 + y) * width + x0 + x];
            }
        }
        Fft.transform2d(re, im, padWidth, padHeight, false);
        for (int i = 0; i < re.length; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        Fft.transform2d(re, im, padWidth, padHeight, true);
        // Unbiased estimate: divide each lag by the number of overlapping pixel pairs.
        double zero = re[0] / ((double) regionWidth * regionHeight);
        double[] acf = new double[padWidth * padHeight];
        for (int y = 0; y < padHeight; y++) {
            int ly = y <= padHeight / 2 ? y : y - padHeight;
            for (int x = 0; x < padWidth; x++) {
                int lx = x <= padWidth / 2 ? x : x - padWidth;
                double overlap = (double) (regionWidth - Math.abs(lx)) * (regionHeight - Math.abs(ly));
                acf[y * padWidth + x] = overlap > 0 ? re[y * padWidth + x] / overlap / zero : 0;
            }
        }
        // Prominence: the ACF minus its mean over a 9 x 9 neighbourhood, which removes the slowly
        // varying part left by the host image and keeps the narrow lattice peaks.
        // The 9 x 9 sum is separable: cyclic sums of 9 along each row, then of 9 of those along
        // each column (the pad sizes are powers of two, so & wraps the indices).
        prominence = new double[acf.length];
        int r = 4;
        int wrapX = padWidth - 1;
        int wrapY = padHeight - 1;
        double[] rowSums = new double[acf.length];
        for (int y = 0; y < padHeight; y++) {
            int row = y * padWidth;
            for (int x = 0; x < padWidth; x++) {
                double sum = 0;
                for (int dx = -r; dx <= r; dx++) {
                    sum += acf[row + ((x + dx) & wrapX)];
                }
                rowSums[row + x] = sum;
            }
        }
        for (int y = 0; y < padHeight; y++) {
            for (int x = 0; x < padWidth; x++) {
                double sum = 0;
                for (int dy = -r; dy <= r; dy++) {
                    sum += rowSums[((y + dy) & wrapY) * padWidth + x];
                }
                prominence[y * padWidth + x] = acf[y * padWidth + x] - sum / ((2 * r + 1) * (2 * r + 1));
            }
        }
    }

    /** Returns up to {@code count} refined lattice candidates, best first. */
    List<Lattice> candidates(int count) {
        double maxPeriod = Math.min(maxLagX, maxLagY);
        List<Lattice> coarse = new ArrayList<>();
        if (maxPeriod <= MIN_PERIOD) {
            return coarse;
        }
        int angleSteps = 360;
        int periods = (int) Math.floor((maxPeriod - MIN_PERIOD) / PERIOD_STEP) + 1;
        Lattice[] grid = new Lattice[periods * angleSteps];
        // Each candidate is scored on its own, in index order, so the banded loop gives the same list.
        Bands.run(periods, (long) grid.length * 10, (first, end) -> {
            for (int p = first; p < end; p++) {
                double period = MIN_PERIOD + p * PERIOD_STEP;
                for (int a = 0; a < angleSteps; a++) {
                    double angle = a * (Math.PI / 2) / angleSteps;
                    grid[p * angleSteps + a] = new Lattice(period, angle, coarseScore(period, angle));
                }
            }
        });
        coarse.addAll(List.of(grid));
        coarse.sort(Comparator.comparingDouble(Lattice::score).reversed());
        List<Lattice> picked = new ArrayList<>();
        for (Lattice candidate : coarse) {
            if (picked.size() == count) {
                break;
            }
            boolean near = false;
            for (Lattice other : picked) {
                double angleGap = Math.abs(candidate.angle() - other.angle());
                angleGap = Math.min(angleGap, Math.PI / 2 - angleGap);
                if (Math.abs(candidate.period() - other.period()) < 0.05 * other.period() && angleGap < Math.toRadians(3)) {
                    near = true;
                    break;
                }
            }
            if (!near) {
                picked.add(candidate);
            }
        }
        List<Lattice> refined = new ArrayList<>();
        for (Lattice candidate : picked) {
            refined.add(refine(candidate));
        }
        return refined;
    }

    private double coarseScore(double period, double angle) {
        double c = Math.cos(angle) * period;
        double s = Math.sin(angle) * period;
        // Lattice basis v1 = (c, s), v2 = (-s, c); the ACF is symmetric, so half of the points suffice.
        double on = 0;
        int onCount = 0;
        double[][] lattice = {{c, s}, {-s, c}, {c - s, s + c}, {c + s, s - c}, {2 * c, 2 * s}, {-2 * s, 2 * c}};
        for (double[] p : lattice) {
            if (inRange(p[0], p[1])) {
                on += sample(p[0], p[1]);
                onCount++;
            }
        }
        if (onCount < 3) {
            return Double.NEGATIVE_INFINITY;
        }
        double off = 0;
        int offCount = 0;
        double[][] half = {{c / 2, s / 2}, {-s / 2, c / 2}, {(c - s) / 2, (s + c) / 2}, {(c + s) / 2, (s - c) / 2}};
        for (double[] p : half) {
            off += sample(p[0], p[1]);
            offCount++;
        }
        return on / onCount - off / offCount;
    }

    private Lattice refine(Lattice start) {
        double bestPeriod = start.period();
        double bestAngle = start.angle();
        double bestScore = fineScore(bestPeriod, bestAngle);
        // Two passes of a local grid search, the second five times finer.
        double periodStep = 0.1;
        double angleStep = Math.toRadians(0.05);
        for (int pass = 0; pass < 2; pass++) {
            double centerPeriod = bestPeriod;
            double centerAngle = bestAngle;
            for (int i = -6; i <= 6; i++) {
                for (int j = -6; j <= 6; j++) {
                    double period = centerPeriod + i * periodStep;
                    double angle = centerAngle + j * angleStep;
                    double score = fineScore(period, angle);
                    if (score > bestScore) {
                        bestScore = score;
                        bestPeriod = period;
                        bestAngle = angle;
                    }
                }
            }
            periodStep /= 5;
            angleStep /= 5;
        }
        double angle = bestAngle % (Math.PI / 2);
        if (angle < 0) {
            angle += Math.PI / 2;
        }
        return new Lattice(bestPeriod, angle, start.score());
    }

    private double fineScore(double period, double angle) {
        double c = Math.cos(angle) * period;
        double s = Math.sin(angle) * period;
        double sum = 0;
        for (int k1 = 0; k1 <= 4; k1++) {
            for (int k2 = -4; k2 <= 4; k2++) {
                if (k1 == 0 && k2 <= 0) {
                    continue;
                }
                double x = k1 * c - k2 * s;
                double y = k1 * s + k2 * c;
                if (inRange(x, y)) {
                    sum += sample(x, y);
                }
            }
        }
        return sum;
    }

    private boolean inRange(double lagX, double lagY) {
        return Math.abs(lagX) <= maxLagX && Math.abs(lagY) <= maxLagY;
    }

    /** Bilinear sample of the prominence map at a (possibly negative) lag. */
    private double sample(double lagX, double lagY) {
        int x0 = (int) Math.floor(lagX);
        int y0 = (int) Math.floor(lagY);
        double fx = lagX - x0;
        double fy = lagY - y0;
        double a = at(x0, y0);
        double b = at(x0 + 1, y0);
        double c = at(x0, y0 + 1);
        double d = at(x0 + 1, y0 + 1);
        return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d);
    }

    private double at(int lagX, int lagY) {
        return prominence[Math.floorMod(lagY, padHeight) * padWidth + Math.floorMod(lagX, padWidth)];
    }
}
