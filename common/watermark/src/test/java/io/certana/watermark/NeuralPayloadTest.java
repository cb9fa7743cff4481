package io.certana.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Track C payload derivation and model descriptions, without running a model. */
class NeuralPayloadTest {

    private static final byte[] KEY = "neural-payload-test-key-01".getBytes(StandardCharsets.UTF_8);
    private static final long PAYLOAD = 0x0123456789abcdefL;

    @TempDir
    Path folder;

    @Test
    void rivaGanCarries32KeyedBits() {
        WatermarkEngine engine = engine(NeuralModelSettings.rivaGan(folder, 256));

        BitString bits = engine.neuralPayloadBits(PAYLOAD);

        assertEquals(32, bits.length());
        assertEquals(engine.neuralPayload(PAYLOAD), bits.toLong());
        assertTrue(engine.neuralPayload(PAYLOAD) >>> 32 == 0);
        assertNotEquals(engine.neuralPayload(PAYLOAD), engine.neuralPayload(PAYLOAD + 1));
    }

    @Test
    void wideModelCarriesMaskedPayloadAndCheck() throws IOException {
        WatermarkEngine engine = engine(trustMarkLike());

        BitString bits = engine.neuralPayloadBits(PAYLOAD);
        BitString other = engine.neuralPayloadBits(PAYLOAD ^ 1);

        assertEquals(100, bits.length());
        // The payload is masked, so the bits do not show it in the clear.
        assertNotEquals(PAYLOAD, bits.slice(0, 64).toLong());
        // The mask is one keyed value: flipping a payload bit flips the same carried bit.
        assertEquals(bits.slice(0, 64).toLong() ^ 1, other.slice(0, 64).toLong());
        // The 36-bit check depends on the whole payload.
        assertNotEquals(bits.slice(64, 100), other.slice(64, 100));
        assertEquals(bits, engine.neuralPayloadBits(PAYLOAD));
        assertThrows(IllegalStateException.class, () -> engine.neuralPayload(PAYLOAD));
    }

    @Test
    void otherKeyDerivesOtherBits() throws IOException {
        WatermarkEngine engine = engine(trustMarkLike());
        WatermarkEngine other = new WatermarkEngine(WatermarkSettings.withKey(
                "another-neural-test-key-02".getBytes(StandardCharsets.UTF_8)).withNeuralModel(absent(trustMarkLike())));

        assertNotEquals(engine.neuralPayloadBits(PAYLOAD), other.neuralPayloadBits(PAYLOAD));
    }

    @Test
    void folderWithoutDescriptionIsRivaGan() throws IOException {
        NeuralModelSettings settings = NeuralModelSettings.fromFolder(folder);

        assertEquals(NeuralModelSettings.rivaGan(folder, NeuralModelSettings.DEFAULT_WORKING_SIZE), settings);
    }

    @Test
    void descriptionOverridesRivaGanValues() throws IOException {
        NeuralModelSettings settings = trustMarkLike();

        assertEquals("encoder.onnx", settings.encoderFile());
        assertEquals("decoder.onnx", settings.decoderFile());
        assertEquals(100, settings.payloadBits());
        assertEquals(256, settings.workingSize());
        assertEquals("image", settings.imageInput());
        assertEquals("secret", settings.payloadInput());
        assertFalse(settings.frameAxis());
        assertEquals(0f, settings.rangeMin());
        assertEquals(1f, settings.rangeMax());
        assertEquals(0.5f, settings.decoderLogitZero());
        assertTrue(settings.squareInput());
        assertEquals(0.2, settings.detectionMargin());
    }

    @Test
    void unknownKeyIsRejected() throws IOException {
        Files.writeString(folder.resolve(NeuralModelSettings.PROPERTIES_FILE), "payload.bit=100\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuralModelSettings.fromFolder(folder));

        assertTrue(e.getMessage().contains("unknown key 'payload.bit'"), e.getMessage());
    }

    @Test
    void invalidValueIsRejected() throws IOException {
        Files.writeString(folder.resolve(NeuralModelSettings.PROPERTIES_FILE), "payload.bits=300\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuralModelSettings.fromFolder(folder));

        assertTrue(e.getMessage().contains("1..256 bits: 300"), e.getMessage());
    }

    @Test
    void invalidBooleanIsRejected() throws IOException {
        Files.writeString(folder.resolve(NeuralModelSettings.PROPERTIES_FILE), "square.input=yes\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuralModelSettings.fromFolder(folder));

        assertTrue(e.getMessage().contains("square.input must be true or false"), e.getMessage());
    }

    /** Writes and reads the description of a TrustMark-shaped model: 100 bits, 256 x 256 input in [0, 1], probabilities out. */
    private NeuralModelSettings trustMarkLike() throws IOException {
        Files.writeString(folder.resolve(NeuralModelSettings.PROPERTIES_FILE), String.join("\n",
                "encoder=encoder.onnx",
                "decoder=decoder.onnx",
                "payload.bits=100",
                "working.size=256",
                "input.image=image",
                "input.payload=secret",
                "frame.axis=false",
                "range.min=0",
                "range.max=1",
                "decoder.zero=0.5",
                "square.input=true",
                "detection.margin=0.2",
                ""));
        return NeuralModelSettings.fromFolder(folder);
    }

    private WatermarkEngine engine(NeuralModelSettings model) {
        return new WatermarkEngine(WatermarkSettings.withKey(KEY).withNeuralModel(absent(model)));
    }

    /**
     * Returns the same model in a folder that does not exist. The engine then leaves Track C
     * unloaded, and the payload derivation needs only the settings.
     */
    private NeuralModelSettings absent(NeuralModelSettings m) {
        return new NeuralModelSettings(folder.resolve("absent"), m.encoderFile(), m.decoderFile(), m.payloadBits(),
                m.workingSize(), m.imageInput(), m.payloadInput(), m.frameAxis(), m.rangeMin(), m.rangeMax(),
                m.bitsAsSigned(), m.decoderLogitZero(), m.squareInput(), m.detectionMargin());
    }
}
