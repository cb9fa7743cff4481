package io.certana.watermark.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    private static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);

    @Test
    void noiselessRoundTrip() {
        PayloadCodec codec = new PayloadCodec(new PolarCode(1024, 96, -6), KEY, "t", 8);
        long payload = 0x0123456789abcdefL;
        byte[] bits = codec.encode(payload);
        Optional<PayloadCodec.Decoded> decoded = codec.decode(toLlr(bits, 0, new Random(1)));
        assertTrue(decoded.isPresent());
        assertEquals(payload, decoded.get().payload());
    }

    @Test
    void decodesAtLowSnr() {
        // Es/N0 = -5 dB per code bit at rate 96/1024: well within the code's reach with L = 8.
        PayloadCodec codec = new PayloadCodec(new PolarCode(1024, 96, -6), KEY, "t", 8);
        Random random = new Random(7);
        int failures = 0;
        for (int trial = 0; trial < 50; trial++) {
            long payload = random.nextLong();
            Optional<PayloadCodec.Decoded> decoded = codec.decode(toLlr(codec.encode(payload), -5, random));
            if (decoded.isEmpty() || decoded.get().payload() != payload) {
                failures++;
            }
        }
        assertTrue(failures <= 1, "failures at -5 dB: " + failures);
    }

    @Test
    void pureNoiseIsRejected() {
        PayloadCodec codec = new PayloadCodec(new PolarCode(256, 96, -2), KEY, "t", 8);
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            float[] llr = new float[256];
            for (int i = 0; i < llr.length; i++) {
                llr[i] = (float) random.nextGaussian();
            }
            assertTrue(codec.decode(llr).isEmpty());
        }
    }

    @Test
    void otherKeyDecodesNothing() {
        PayloadCodec codec = new PayloadCodec(new PolarCode(1024, 96, -6), KEY, "t", 8);
        PayloadCodec other = new PayloadCodec(new PolarCode(1024, 96, -6), "other".getBytes(StandardCharsets.UTF_8), "t", 8);
        float[] llr = toLlr(codec.encode(42L), 0, new Random(5));
        assertTrue(other.decode(llr).isEmpty());
    }

    private static float[] toLlr(byte[] bits, double snrDb, Random random) {
        double amplitude = Math.sqrt(Math.pow(10, snrDb / 10));
        float[] llr = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            double x = (bits[i] == 0 ? 1 : -1) * amplitude;
            llr[i] = (float) (x + random.nextGaussian());
        }
        return llr;
    }
}
