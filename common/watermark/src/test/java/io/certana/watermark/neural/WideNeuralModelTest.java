package io.certana.watermark.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certana.watermark.BitString;
import io.certana.watermark.EmbedResult;
import io.certana.watermark.NeuralModelSettings;
import io.certana.watermark.Track;
import io.certana.watermark.TrackDetection;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Track C with a 100-bit model run by ONNX Runtime: the payload rides with its keyed check. */
class WideNeuralModelTest {

    private static final long PAYLOAD = 0x00c0ffee12345678L;
    private static final byte[] KEY = "wide-neural-model-key-001".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path folder;

    private static NeuralModelSettings model;

    @BeforeAll
    static void writeModel() throws IOException {
        LinearWatermarkModel.write(folder, 100, 32, 0.1f, 7);
        Files.writeString(folder.resolve(NeuralModelSettings.PROPERTIES_FILE), String.join("\n",
                "encoder=encoder.onnx",
                "decoder=decoder.onnx",
                "payload.bits=100",
                "working.size=32",
                "input.image=image",
                "input.payload=secret",
                "frame.axis=false",
                "bits.signed=true",
                "square.input=true",
                "detection.margin=5",
                ""));
        model = NeuralModelSettings.fromFolder(folder);
    }

    @Test
    void hundredBitPayloadRoundTrips() {
        try (WatermarkEngine engine = new WatermarkEngine(WatermarkSettings.withKey(KEY).withNeuralModel(model))) {
            EmbedResult embedded = engine.embed(texture(300, 200), PAYLOAD, EnumSet.of(Track.C));
            TrackDetection c = engine.detect(embedded.marked()).track(Track.C);

            assertTrue(engine.neuralConfigured());
            assertEquals(TrackDetection.Status.DETECTED, c.status());
            assertEquals(PAYLOAD, c.payload().getAsLong());
            BitString bits = c.bits().orElseThrow();
            assertEquals(100, bits.length());
            assertEquals(engine.neuralPayloadBits(PAYLOAD), bits);
            assertTrue(c.confidence() >= 0.5, "confidence " + c.confidence());
        }
    }

    @Test
    void unmarkedImageFailsCheck() {
        try (WatermarkEngine engine = new WatermarkEngine(WatermarkSettings.withKey(KEY).withNeuralModel(model))) {
            TrackDetection c = engine.detect(texture(300, 200)).track(Track.C);

            assertEquals(TrackDetection.Status.NOT_DETECTED, c.status());
            assertFalse(c.payload().isPresent());
            assertTrue(c.confidence() < 0.5);
        }
    }

    @Test
    void otherKeyFailsCheck() {
        WatermarkSettings other = WatermarkSettings.withKey("another-wide-model-key-02".getBytes(StandardCharsets.UTF_8))
                .withNeuralModel(model);
        try (WatermarkEngine engine = new WatermarkEngine(WatermarkSettings.withKey(KEY).withNeuralModel(model));
             WatermarkEngine otherEngine = new WatermarkEngine(other)) {
            BufferedImage marked = engine.embed(texture(300, 200), PAYLOAD, EnumSet.of(Track.C)).marked();

            assertFalse(otherEngine.detect(marked).track(Track.C).detected());
        }
    }

    /** Smooth random texture in 40..215 on three channels. */
    private static BufferedImage texture(int width, int height) {
        Random random = new Random(width * 31L + height);
        double[] phase = {random.nextDouble() * 6, random.nextDouble() * 6, random.nextDouble() * 6};
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double v = 128 + 60 * Math.sin(x * 0.021 * (c + 1) + phase[c]) * Math.cos(y * 0.017 + phase[c]);
                    rgb = (rgb << 8) | (int) Math.max(40, Math.min(215, v + random.nextGaussian() * 3));
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
