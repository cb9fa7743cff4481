package io.certana.imaging.pdq;

/**
 * Torben Mogensen's median search, which needs no copy or sort of the input: it bisects between
 * the minimum and maximum, counting values below and above the guess. PDQ thresholds the DCT
 * coefficients at this value. Source: N. Devillard, "Fast median search: an ANSI C
 * implementation" (1998), as used in facebook/ThreatExchange {@code pdq/cpp/hashing/torben.cpp}.
 * For an even count it returns the lower median, like the reference.
 */
final class TorbenMedian {

    private TorbenMedian() {
    }

    static float median(float[] m) {
        int n = m.length;
        float min = m[0];
        float max = m[0];
        for (int i = 1; i < n; i++) {
            if (m[i] < min) {
                min = m[i];
            }
            if (m[i] > max) {
                max = m[i];
            }
        }

        int half = (n + 1) / 2;
        int less;
        int greater;
        int equal;
        float guess;
        float maxBelowGuess;
        float minAboveGuess;

        // Bisect between min and max until at most half the values lie on either side of the guess.
        while (true) {
            guess = (min + max) / 2;
            less = 0;
            greater = 0;
            equal = 0;
            maxBelowGuess = min;
            minAboveGuess = max;
            for (int i = 0; i < n; i++) {
                if (m[i] < guess) {
                    less++;
                    if (m[i] > maxBelowGuess) {
                        maxBelowGuess = m[i];
                    }
                } else if (m[i] > guess) {
                    greater++;
                    if (m[i] < minAboveGuess) {
                        minAboveGuess = m[i];
                    }
                } else {
                    equal++;
                }
            }
            if (less <= half && greater <= half) {
                break;
            } else if (less > greater) {
                max = maxBelowGuess;
            } else {
                min = minAboveGuess;
            }
        }

        // The median is the largest value below the guess, the guess itself, or the smallest above it.
        if (less >= half) {
            return maxBelowGuess;
        } else if (less + equal >= half) {
            return guess;
        }
        return minAboveGuess;
    }
}
