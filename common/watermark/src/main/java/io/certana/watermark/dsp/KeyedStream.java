package io.certana.watermark.dsp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic pseudo-random stream keyed by the watermark secret: HMAC-SHA-256 in counter mode
 * (block i = HMAC(key, label || i)), so every pattern, permutation and dither derives from the key
 * and a purpose label, and stays identical across JVM versions.
 */
public final class KeyedStream {

    private final Mac mac;
    private final byte[] label;
    private long counter;
    private byte[] block = new byte[0];
    private int position;

    public KeyedStream(byte[] key, String label) {
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
        this.label = label.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the next byte of the stream, from 0 to 255. */
    public int nextByte() {
        if (position == block.length) {
            mac.update(label);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
            block = mac.doFinal();
            position = 0;
        }
        return block[position++] & 0xff;
    }

    public long nextLong() {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | nextByte();
        }
        return value;
    }

    /** Returns a uniform integer in [0, bound) without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = (1L << 32) - ((1L << 32) % bound);
        while (true) {
            long value = nextLong() >>> 32;
            if (value < limit) {
                return (int) (value % bound);
            }
        }
    }

    /** Returns a uniform double in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Returns +1 or -1 with equal probability. */
    public int nextSign() {
        return (nextByte() & 1) == 0 ? 1 : -1;
    }

    /** Returns a uniformly random permutation of 0..n-1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
