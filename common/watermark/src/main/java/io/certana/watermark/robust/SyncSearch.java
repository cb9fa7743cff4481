package io.certana.watermark.robust;

import io.certana.watermark.dsp.Fft;

/**
 * Finds the dihedral transform and cyclic offset of a folded tile by circular cross-correlation
 * with the keyed sync template (FFT), for all eight elements of the dihedral group: 90° rotations
 * and mirror images leave the square lattice in place, so the fold cannot tell them apart.
 */
final class SyncSearch {

    /** Best alignment of one folded tile. z is the peak's distance from the surface mean in standard deviations. */
    record Match(int dihedral, double offsetX, double offsetY, double z, double syncAmplitude, double[] aligned) {
    }

    private final double[] templateRe;
    private final double[] templateIm;
    private final double templateEnergy;

    SyncSearch(RobustTile tile) {
        int n = RobustTile.BINS;
        templateRe = tile.syncBins.clone();
        templateIm = new double[n * n];
        Fft.transform2d(templateRe, templateIm, n, n, false);
        double energy = 0;
        for (double v : tile.syncBins) {
            energy += v * v;
        }
        templateEnergy = energy;
    }

    /** Returns the best match over the eight dihedral transforms of the fold. */
    Match search(double[] fold) {
        Match best = null;
        for (int d = 0; d < 8; d++) {
            Match match = correlate(transform(fold, d), d);
            if (best == null || match.z() > best.z()) {
                best = match;
            }
        }
        return best;
    }

    private Match correlate(double[] g, int dihedral) {
        int n = RobustTile.BINS;
        double[] re = g.clone();
        double[] im = new double[n * n];
        Fft.transform2d(re, im, n, n, false);
        for (int i = 0; i < re.length; i++) {
            // G · conj(S): correlation C(o) = Σ_b G(b + o) S(b).
            double r = re[i] * templateRe[i] + im[i] * templateIm[i];
            double m = im[i] * templateRe[i] - re[i] * templateIm[i];
            re[i] = r;
            im[i] = m;
        }
        Fft.transform2d(re, im, n, n, true);
        int peak = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < re.length; i++) {
            sum += re[i];
            sumSquares += re[i] * re[i];
            if (re[i] > re[peak]) {
                peak = i;
            }
        }
        double mean = sum / re.length;
        double std = Math.sqrt(Math.max(1e-30, sumSquares / re.length - mean * mean));
        int px = peak % n;
        int py = peak / n;
        // Parabolic interpolation around the peak gives the offset to a fraction of a bin.
        double fx = subBin(re[py * n + Math.floorMod(px - 1, n)], re[peak], re[py * n + (px + 1) % n]);
        double fy = subBin(re[Math.floorMod(py - 1, n) * n + px], re[peak], re[((py + 1) % n) * n + px]);
        double offsetX = (px + fx) / RobustTile.OVERSAMPLE;
        double offsetY = (py + fy) / RobustTile.OVERSAMPLE;
        return new Match(dihedral, offsetX, offsetY, (re[peak] - mean) / std, re[peak] / templateEnergy, g);
    }

    private static double subBin(double left, double center, double right) {
        double denominator = left - 2 * center + right;
        if (denominator >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / denominator));
    }

    /** Returns G with G(b) = F(g(b)) for dihedral element d, on bin indices (bin centres mirror to -b - 1). */
    static double[] transform(double[] fold, int d) {
        int n = RobustTile.BINS;
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
}
