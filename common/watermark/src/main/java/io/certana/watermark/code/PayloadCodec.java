package io.certana.watermark.code;

import io.certana.watermark.dsp.KeyedStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;

/**
 * Maps a 64-bit payload to polar code bits and back: information bits are the payload followed by
 * its CRC-32 (IEEE 802.3 polynomial, as {@link CRC32}), XOR-scrambled with a keyed mask so another
 * key, or an unmarked image, decodes to words whose CRC matches only by chance (probability 2^-32
 * per candidate).
 */
public final class PayloadCodec {

    public static final int PAYLOAD_BITS = 64;
    public static final int CRC_BITS = 32;
    public static final int INFO_BITS = PAYLOAD_BITS + CRC_BITS;

    private final PolarCode code;
    private final byte[] mask;
    private final int listSize;

    public PayloadCodec(PolarCode code, byte[] key, String label, int listSize) {
        if (code.infoBits() != INFO_BITS) {
            throw new IllegalArgumentException("payload codec needs K = " + INFO_BITS + ", code has " + code.infoBits());
        }
        this.code = code;
        this.listSize = listSize;
        KeyedStream stream = new KeyedStream(key, label + "/info-mask");
        mask = new byte[INFO_BITS];
        for (int i = 0; i < INFO_BITS; i++) {
            mask[i] = (byte) (stream.nextByte() & 1);
        }
    }

    public int codeLength() {
        return code.length();
    }

    public int listSize() {
        return listSize;
    }

    /** Returns the N code bits (0/1) carrying the payload. */
    public byte[] encode(long payload) {
        byte[] info = new byte[INFO_BITS];
        long crc = crc32(payload);
        for (int i = 0; i < PAYLOAD_BITS; i++) {
            info[i] = (byte) ((payload >>> (PAYLOAD_BITS - 1 - i)) & 1);
        }
        for (int i = 0; i < CRC_BITS; i++) {
            info[PAYLOAD_BITS + i] = (byte) ((crc >>> (CRC_BITS - 1 - i)) & 1);
        }
        for (int i = 0; i < INFO_BITS; i++) {
            info[i] ^= mask[i];
        }
        return code.encode(info);
    }

    /** Decoded payload with the rank of the list candidate that passed the CRC, and its path metric. */
    public record Decoded(long payload, int rank, double pathMetric, double bestMetric) {
    }

    /** Decodes soft values (positive = bit 0); returns the first list candidate whose CRC matches. */
    public java.util.Optional<Decoded> decode(float[] llr) {
        return attempt(llr).decoded();
    }

    /**
     * Outcome of one list decode: the payload when a candidate passed the CRC, and the share of
     * code bits whose soft value agrees with the most likely candidate's codeword, CRC or not. On
     * noise that share stays near 0.5 (a little above, because the decoder fits the information
     * bits); it is the decoder margin that false-positive measurements record.
     */
    public record Attempt(java.util.Optional<Decoded> decoded, double bestAgreement) {
    }

    /** Decodes soft values like {@link #decode} and also measures the most likely candidate's agreement. */
    public Attempt attempt(float[] llr) {
        List<PolarCode.Candidate> candidates = code.decodeList(llr, listSize);
        byte[] best = code.encode(candidates.get(0).info());
        int agree = 0;
        for (int i = 0; i < llr.length; i++) {
            if ((llr[i] >= 0) == (best[i] == 0)) {
                agree++;
            }
        }
        double bestAgreement = (double) agree / llr.length;
        for (int rank = 0; rank < candidates.size(); rank++) {
            OptionalLong payload = check(candidates.get(rank).info());
            if (payload.isPresent()) {
                return new Attempt(java.util.Optional.of(new Decoded(payload.getAsLong(), rank,
                        candidates.get(rank).pathMetric(), candidates.get(0).pathMetric())), bestAgreement);
            }
        }
        return new Attempt(java.util.Optional.empty(), bestAgreement);
    }

    private OptionalLong check(byte[] scrambled) {
        long payload = 0;
        long crc = 0;
        for (int i = 0; i < PAYLOAD_BITS; i++) {
            payload = (payload << 1) | (scrambled[i] ^ mask[i]);
        }
        for (int i = PAYLOAD_BITS; i < INFO_BITS; i++) {
            crc = (crc << 1) | (scrambled[i] ^ mask[i]);
        }
        return crc == crc32(payload) ? OptionalLong.of(payload) : OptionalLong.empty();
    }

    static long crc32(long payload) {
        CRC32 crc = new CRC32();
        for (int i = 7; i >= 0; i--) {
            crc.update((int) (payload >>> (8 * i)) & 0xff);
        }
        return crc.getValue();
    }
}
