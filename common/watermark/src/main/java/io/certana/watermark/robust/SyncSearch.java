package io.certana.watermark.robust;

import io.certana.watermark.dsp.Fft;

/**
 * Finds the dihedral transform and cyclic offset of a folded tile by circular cross-correlation
 * with the keyed sync template, for all eight elements of the dihedral group: 90° rotations and
 * mirror images leave the square lattice in place, so the fold cannot tell them apart.
 *
 * <p>Instead of transforming the fold eight times, the fold is transformed by FFT once and
 * correlated with the eight transformed templates S_g(b) = S(g⁻¹(b)), whose spectra are computed
 * at construction: Σ_b F(g(b + o))·S(b) equals the correlation of F with S_g at shift g(o).
 */
final class SyncSearch {

    /** Best alignment of one folded tile. z is the peak's distance from the surface mean in standard deviations. */
    record Match(int dihedral, double offsetX, double offsetY, double z, double syncAmplitude) {
    }

    private final int oversample;
    private final int bins;
    private final double[][] templateRe = new double[8][];
    private final double[][] templateIm = new double[8][];
    private final double templateEnergy;

    SyncSearch(RobustTile tile, int oversample) {
        this.oversample = oversample;
        this.bins = RobustTile.CHIPS * oversample;
        double[] template = RobustTile.renderBins(tile.sync, oversample);
        double energy = 0;
        for (double v : template) {
            energy += v * v;
        }
        templateEnergy = energy;
        for (int d = 0; d < 8; d++) {
            double[] re = inverseTransform(template, d, bins);
            double[] im = new double[bins * bins];
            Fft.transform2d(re, im, bins, bins, false);
            templateRe[d] = re;
            templateIm[d] = im;
        }
    }

    int oversample() {
        return oversample;
    }

    /** Returns the best match over the eight dihedral transforms of a fold with this search's oversampling. */
    Match search(double[] fold) {
        double[] foldRe = fold.clone();
        double[] foldIm = new double[bins * bins];
        Fft.transform2d(foldRe, foldIm, bins, bins, false);
        Match best = null;
        double[] re = new double[bins * bins];
        double[] im = new double[bins * bins];
        // Fold and templates are real, so each correlation surface is real: two of them travel
        // through one inverse FFT as its real and imaginary parts, C_a + i·C_b.
        for (int d = 0; d < 8; d += 2) {
            double[] aRe = templateRe[d];
            double[] aIm = templateIm[d];
            double[] bRe = templateRe[d + 1];
            double[] bIm = templateIm[d + 1];
            for (int i = 0; i < re.length; i++) {
                // F · conj(S_g): correlation C(o') = Σ_b F(b + o') S_g(b).
                double cRe = foldRe[i] * aRe[i] + foldIm[i] * aIm[i];
                double cIm = foldIm[i] * aRe[i] - foldRe[i] * aIm[i];
                double eRe = foldRe[i] * bRe[i] + foldIm[i] * bIm[i];
                double eIm = foldIm[i] * bRe[i] - foldRe[i] * bIm[i];
                // Spectrum of C_a + i·C_b: (cRe − eIm) + i·(cIm + eRe).
                re[i] = cRe - eIm;
                im[i] = cIm + eRe;
            }
            Fft.transform2d(re, im, bins, bins, true);
            for (Match match : new Match[] {peak(re, d), peak(im, d + 1)}) {
                if (best == null || match.z() > best.z()) {
                    best = match;
                }
            }
        }
        return best;
    }

    private Match peak(double[] surface, int dihedral) {
        int peak = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < surface.length; i++) {
            sum += surface[i];
            sumSquares += surface[i] * surface[i];
            if (surface[i] > surface[peak]) {
                peak = i;
            }
        }
        double mean = sum / surface.length;
        double std = Math.sqrt(Math.max(1e-30, sumSquares / surface.length - mean * mean));
        int px = peak % bins;
        int py = peak / bins;
        // Parabolic interpolation around the peak gives the offset to a fraction of a bin.
        double fx = subBin(surface[py * bins + Math.floorMod(px - 1, bins)], surface[peak],
                surface[py * bins + (px + 1) % bins]);
        double fy = subBin(surface[Math.floorMod(py - 1, bins) * bins + px], surface[peak],
                surface[((py + 1) % bins) * bins + px]);
        // The shift o' = g(o) is in fold coordinates; map it back to the tile offset o = g⁻¹(o').
        double ox = (px + fx) / oversample;
        double oy = (py + fy) / oversample;
        double a = (dihedral & 1) != 0 ? -ox : ox;
        double b = (dihedral & 2) != 0 ? -oy : oy;
        double offsetX = (dihedral & 4) != 0 ? b : a;
        double offsetY = (dihedral & 4) != 0 ? a : b;
        return new Match(dihedral, wrap(offsetX), wrap(offsetY), (surface[peak] - mean) / std,
                surface[peak] / templateEnergy);
    }

    private static double wrap(double chips) {
        double w = chips % RobustTile.CHIPS;
        return w < 0 ? w + RobustTile.CHIPS : w;
    }

    private static double subBin(double left, double center, double right) {
        double denominator = left - 2 * center + right;
        if (denominator >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / denominator));
    }

    /**
     * Returns G with G(b) = F(g(b)) for dihedral element d on bin indices: bit 0 mirrors x, bit 1
     * mirrors y, bit 2 swaps the axes first. Bin centres mirror to -b - 1.
     */
    static double[] transform(double[] fold, int d, int n) {
        double[] out = new double[n * n];
        boolean flipX = (d & 1) != 0;
        boolean flipY = (d & 2) != 0;
        boolean swap = (d & 4) != 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int a = swap ? y : x;
                int b = swap ? x : y;
                int sx = flipX ? n - 1 - a : a;
                int sy = flipY ? n - 1 - b : b;
                out[y * n + x] = fold[sy * n + sx];
            }
        }
        return out;
    }

    /** Returns S_g with S_g(g(b)) = S(b), the inverse of {@link #transform}. */
    static double[] inverseTransform(double[] template, int d, int n) {
        double[] out = new double[n * n];
        double[] forward = transform(indexPlane(n), d, n);
        for (int i = 0; i < out.length; i++) {
            // forward[i] = index of g(b_i); so S_g at that index is S(b_i).
            out[(int) forward[i]] = template[i];
        }
        return out;
    }

    private static double[] indexPlane(int n) {
        double[] plane = new double[n * n];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = i;
        }
        return plane;
    }
}
