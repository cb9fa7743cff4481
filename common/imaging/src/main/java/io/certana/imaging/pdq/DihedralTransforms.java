package io.certana.imaging.pdq;

/**
 * Rotations and mirrorings of an image expressed on its 16 × 16 DCT coefficients, as in Meta's
 * reference ({@code dct16OriginalToRotate90} and siblings in facebook/ThreatExchange
 * {@code pdq/cpp/hashing/pdqhashing.cpp}). Mirroring an image reverses a DCT basis direction,
 * which flips the sign of every coefficient whose frequency index along that direction is odd;
 * because PDQ drops the DC term, stored index {@code i} is frequency {@code i + 1}, so the sign
 * flips where the stored index is even. A quarter turn is a transpose plus one mirror.
 */
final class DihedralTransforms {

    private static final int N = 16;

    private DihedralTransforms() {
    }

    static float[] rotate90(float[] a) {
        float[] b = new float[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float v = a[i * N + j];
                b[j * N + i] = (j & 1) != 0 ? v : -v;
            }
        }
        return b;
    }

    static float[] rotate180(float[] a) {
        float[] b = new float[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float v = a[i * N + j];
                b[i * N + j] = ((i + j) & 1) != 0 ? -v : v;
            }
        }
        return b;
    }

    static float[] rotate270(float[] a) {
        float[] b = new float[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float v = a[i * N + j];
                b[j * N + i] = (i & 1) != 0 ? v : -v;
            }
        }
        return b;
    }

    static float[] flipX(float[] a) {
        float[] b = new float[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float v = a[i * N + j];
                b[i * N + j] = (i & 1) != 0 ? v : -v;
            }
        }
        return b;
    }

    static float[] flipY(float[] a) {
        float[] b = new float[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float v = a[i * N + j];
                b[i * N + j] = (j & 1) != 0 ? v : -v;
            }
        }
        return b;
    }

    static float[] flipPlus1(float[] a) {
        float[] b = new float[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                b[j * N + i] = a[i * N + j];
            }
        }
        return b;
    }

    static float[] flipMinus1(float[] a) {
        float[] b = new float[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float v = a[i * N + j];
                b[j * N + i] = ((i + j) & 1) != 0 ? -v : v;
            }
        }
        return b;
    }
}
