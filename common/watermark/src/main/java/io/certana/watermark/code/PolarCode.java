package io.certana.watermark.code;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Polar code of length N = 2^n with K information bits.
 *
 * <p>Sources: E. Arıkan, "Channel polarization: a method for constructing capacity-achieving codes
 * for symmetric binary-input memoryless channels", IEEE Trans. IT 55(7), 2009 (the transform and
 * the Bhattacharyya-parameter construction); I. Tal and A. Vardy, "List decoding of polar codes",
 * IEEE Trans. IT 61(5), 2015 (successive-cancellation list decoding); A. Balatsoukas-Stimming,
 * M. Bastani Parizi and A. Burg, "LLR-based successive cancellation list decoding of polar codes",
 * IEEE Trans. SP 63(19), 2015 (the path metric in the LLR domain, used here with its hard
 * approximation).
 *
 * <p>The transform is x = u·F^{⊗n} with F = [[1,0],[1,1]] and no bit-reversal permutation, which
 * is the recursion x = (enc(u_left) ⊕ enc(u_right), enc(u_right)). The decoder follows the same
 * recursion, so bit-channel i is reached from the root by the bits of i, most significant first
 * (0 = the "minus" channel, 1 = the "plus" channel). LLRs are positive for bit 0.
 */
public final class PolarCode {

    private final int n;
    private final int length;
    private final int infoBits;
    private final boolean[] frozen;
    private final int[] infoPositions;

    /**
     * Builds the code, choosing the K most reliable bit-channels by the Bhattacharyya parameter
     * recursion z⁻ = 2z − z², z⁺ = z² (exact for the erasure channel, an upper bound otherwise),
     * started from the AWGN value z₀ = exp(−Es/N0) at the design SNR.
     *
     * @param length        N, a power of two
     * @param infoBits      K
     * @param designSnrDb   Es/N0 per coded bit, in dB, at which the construction is made
     */
    public PolarCode(int length, int infoBits, double designSnrDb) {
        if (length < 2 || (length & (length - 1)) != 0) {
            throw new IllegalArgumentException("polar code length must be a power of two: " + length);
        }
        if (infoBits <= 0 || infoBits > length) {
            throw new IllegalArgumentException("information bits must be in 1.." + length + ": " + infoBits);
        }
        this.length = length;
        this.infoBits = infoBits;
        this.n = Integer.numberOfTrailingZeros(length);

        // Log-domain recursion: ln(2z - z^2) = ln z + ln(2 - z), ln(z^2) = 2 ln z.
        double[] logZ = {-Math.pow(10, designSnrDb / 10)};
        for (int level = 0; level < n; level++) {
            double[] next = new double[logZ.length * 2];
            for (int k = 0; k < logZ.length; k++) {
                next[2 * k] = logZ[k] + Math.log(2 - Math.exp(logZ[k]));
                next[2 * k + 1] = 2 * logZ[k];
            }
            logZ = next;
        }
        Integer[] order = new Integer[length];
        for (int i = 0; i < length; i++) {
            order[i] = i;
        }
        final double[] reliability = logZ;
        // Most reliable (smallest z) first; ties broken by index so the construction is deterministic.
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> reliability[i]).thenComparingInt(i -> i));
        frozen = new boolean[length];
        Arrays.fill(frozen, true);
        for (int k = 0; k < infoBits; k++) {
            frozen[order[k]] = false;
        }
        infoPositions = new int[infoBits];
        for (int i = 0, k = 0; i < length; i++) {
            if (!frozen[i]) {
                infoPositions[k++] = i;
            }
        }
    }

    public int length() {
        return length;
    }

    public int infoBits() {
        return infoBits;
    }

    /** Encodes K information bits (0/1) into N code bits. */
    public byte[] encode(byte[] info) {
        if (info.length != infoBits) {
            throw new IllegalArgumentException("expected " + infoBits + " information bits, got " + info.length);
        }
        byte[] x = new byte[length];
        for (int k = 0; k < infoBits; k++) {
            x[infoPositions[k]] = info[k];
        }
        for (int half = 1; half < length; half <<= 1) {
            for (int start = 0; start < length; start += 2 * half) {
                for (int j = start; j < start + half; j++) {
                    x[j] ^= x[j + half];
                }
            }
        }
        return x;
    }

    /** One decoded candidate: information bits and the path metric (lower is more likely). */
    public record Candidate(byte[] info, double pathMetric) {
    }

    /**
     * Successive-cancellation list decoding. Returns up to {@code listSize} candidates sorted by
     * path metric, best first; the caller picks the first that passes its CRC.
     */
    public List<Candidate> decodeList(float[] llr, int listSize) {
        if (llr.length != length) {
            throw new IllegalArgumentException("expected " + length + " LLRs, got " + llr.length);
        }
        List<Path> paths = new ArrayList<>();
        paths.add(new Path(n, length, infoBits));
        int infoIndex = 0;
        for (int phi = 0; phi < length; phi++) {
            for (Path path : paths) {
                path.computeLeafLlr(phi, llr);
            }
            if (frozen[phi]) {
                for (Path path : paths) {
                    float lambda = path.alpha[n][0];
                    if (lambda < 0) {
                        path.metric -= lambda;
                    }
                    path.propagate(phi, (byte) 0);
                }
                continue;
            }
            // Each path forks into u = 0 and u = 1; the hard-decision approximation of the LLR path
            // metric adds |λ| to the branch that contradicts the sign of λ.
            int forks = paths.size() * 2;
            double[] metrics = new double[forks];
            for (int p = 0; p < paths.size(); p++) {
                float lambda = paths.get(p).alpha[n][0];
                double base = paths.get(p).metric;
                metrics[2 * p] = base + (lambda < 0 ? -lambda : 0);
                metrics[2 * p + 1] = base + (lambda > 0 ? lambda : 0);
            }
            Integer[] order = new Integer[forks];
            for (int i = 0; i < forks; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> metrics[i]));
            int keep = Math.min(listSize, forks);
            boolean[] kept = new boolean[forks];
            for (int i = 0; i < keep; i++) {
                kept[order[i]] = true;
            }
            List<Path> next = new ArrayList<>(keep);
            for (int p = 0; p < paths.size(); p++) {
                Path path = paths.get(p);
                boolean zero = kept[2 * p];
                boolean one = kept[2 * p + 1];
                if (zero && one) {
                    Path copy = path.copy();
                    path.decide(phi, (byte) 0, metrics[2 * p], infoIndex);
                    copy.decide(phi, (byte) 1, metrics[2 * p + 1], infoIndex);
                    next.add(path);
                    next.add(copy);
                } else if (zero) {
                    path.decide(phi, (byte) 0, metrics[2 * p], infoIndex);
                    next.add(path);
                } else if (one) {
                    path.decide(phi, (byte) 1, metrics[2 * p + 1], infoIndex);
                    next.add(path);
                }
            }
            paths = next;
            infoIndex++;
        }
        paths.sort(Comparator.comparingDouble(p -> p.metric));
        List<Candidate> result = new ArrayList<>(paths.size());
        for (Path path : paths) {
            result.add(new Candidate(path.info, path.metric));
        }
        return result;
    }

    /** One decoding path: LLRs and left-child partial sums per depth of the decoding tree. */
    private static final class Path {
        final int n;
        final float[][] alpha;
        final byte[][] leftBeta;
        final byte[] info;
        double metric;

        Path(int n, int length, int infoBits) {
            this.n = n;
            alpha = new float[n + 1][];
            leftBeta = new byte[n + 1][];
            for (int d = 1; d <= n; d++) {
                alpha[d] = new float[length >> d];
                leftBeta[d] = new byte[length >> d];
            }
            info = new byte[infoBits];
        }

        Path copy() {
            Path other = new Path(n, alpha[1].length * 2, info.length);
            for (int d = 1; d <= n; d++) {
                System.arraycopy(alpha[d], 0, other.alpha[d], 0, alpha[d].length);
                System.arraycopy(leftBeta[d], 0, other.leftBeta[d], 0, leftBeta[d].length);
            }
            System.arraycopy(info, 0, other.info, 0, info.length);
            other.metric = metric;
            return other;
        }

        /** Fills alpha[n][0], the LLR of u_phi given the channel and the earlier decisions. */
        void computeLeafLlr(int phi, float[] channel) {
            alpha[0] = channel;
            int start;
            if (phi == 0) {
                start = 1;
            } else {
                // Leaf phi's deepest ancestor that is a right child sits at depth n - tz(phi); every
                // node above it is shared with leaf phi - 1, so its LLRs are already in place.
                int depth = n - Integer.numberOfTrailingZeros(phi);
                float[] parent = alpha[depth - 1];
                float[] out = alpha[depth];
                byte[] left = leftBeta[depth];
                int size = out.length;
                for (int j = 0; j < size; j++) {
                    out[j] = parent[j + size] + (left[j] == 0 ? parent[j] : -parent[j]);
                }
                start = depth + 1;
            }
            for (int d = start; d <= n; d++) {
                float[] parent = alpha[d - 1];
                float[] out = alpha[d];
                int size = out.length;
                for (int j = 0; j < size; j++) {
                    // Min-sum form of the box-plus operation for a = x_j xor x_{j+size}.
                    float a = parent[j];
                    float b = parent[j + size];
                    float magnitude = Math.min(Math.abs(a), Math.abs(b));
                    out[j] = ((a < 0) ^ (b < 0)) ? -magnitude : magnitude;
                }
            }
        }

        void decide(int phi, byte bit, double newMetric, int infoIndex) {
            metric = newMetric;
            info[infoIndex] = bit;
            propagate(phi, bit);
        }

        /** Pushes the decided bit up the tree, combining right children with their left siblings. */
        void propagate(int phi, byte bit) {
            byte[] current = {bit};
            for (int d = n; d > 0; d--) {
                int node = phi >> (n - d);
                if ((node & 1) == 0) {
                    System.arraycopy(current, 0, leftBeta[d], 0, current.length);
                    return;
                }
                byte[] left = leftBeta[d];
                byte[] parent = new byte[current.length * 2];
                for (int j = 0; j < current.length; j++) {
                    parent[j] = (byte) (left[j] ^ current[j]);
                    parent[j + current.length] = current[j];
                }
                current = parent;
            }
        }
    }
}
