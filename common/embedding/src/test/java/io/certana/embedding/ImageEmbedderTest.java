package io.certana.embedding;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real ONNX Runtime on the small test models beside the project. Their weights are
 * untrained, so the checks cover shapes, normalisation and determinism, not similarity quality.
 */
class ImageEmbedderTest {

    private static Path tinyModel(String file) {
        Path shared = Path.of(System.getProperty("certana.shared.dir", "../shared"));
        Path model = shared.resolve("models/tiny").resolve(file);
        assumeTrue(Files.isRegularFile(model), "test model " + model + " is absent; skipping the ONNX round trip");
        return model;
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | ((x + y) & 0xFF));
            }
        }
        return image;
    }

    @Test
    void clipEmbeddingHasUnitLength() {
        try (ImageEmbedder embedder = new ImageEmbedder(EmbeddingModelSpec.clip(tinyModel("tiny_clip_768.onnx")))) {
            float[] vector = embedder.embed(gradient(640, 400));

            assertEquals(768, vector.length);
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            assertEquals(1.0, norm, 1e-4);
        }
    }

    @Test
    void dinoEmbeddingIsDeterministic() {
        try (ImageEmbedder embedder = new ImageEmbedder(EmbeddingModelSpec.dino(tinyModel("tiny_dino_1024.onnx")))) {
            BufferedImage image = gradient(300, 500);
            float[] first = embedder.embed(image);
            float[] second = embedder.embed(image);

            assertEquals(1024, first.length);
            assertArrayEquals(first, second);
        }
    }

    @Test
    void wrongDimensionsRejected() {
        Path model = tinyModel("tiny_clip_768.onnx");
        EmbeddingModelSpec wrong = new EmbeddingModelSpec("clip", model, 224, EmbeddingModelSpec.CLIP_MEAN, EmbeddingModelSpec.CLIP_STD, 1024);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new ImageEmbedder(wrong));
        assertTrue(error.getMessage().contains("expected [N, 3, 224, 224] and [N, 1024]"), error.getMessage());
    }

    @Test
    void missingModelFileRejected() {
        EmbeddingModelSpec missing = EmbeddingModelSpec.clip(Path.of("/nonexistent/clip.onnx"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new ImageEmbedder(missing));
        assertTrue(error.getMessage().contains("/nonexistent/clip.onnx"), error.getMessage());
    }
}
