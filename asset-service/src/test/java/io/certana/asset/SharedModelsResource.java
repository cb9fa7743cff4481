package io.certana.asset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.certana.testing.SharedData;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Configures the models in {@code ../shared/models} when they are there: the tiny CLIP and DINO
 * models (untrained, for shapes, storage and determinism) and RivaGAN for watermark Track C.
 * Without them the service runs without embeddings and Track C, and the tests that need them skip.
 */
public class SharedModelsResource implements QuarkusTestResourceLifecycleManager {

    static final String CLIP = "models/tiny/tiny_clip_768.onnx";
    static final String DINO = "models/tiny/tiny_dino_1024.onnx";
    static final String RIVAGAN = "models/rivagan";

    /** Returns the path of a shared model, or null when the shared folder or the model is absent. */
    static Path find(String relativePath) {
        String dir = System.getProperty(SharedData.PROPERTY);
        if (dir == null || dir.isBlank()) {
            return null;
        }
        Path path = Path.of(dir).resolve(relativePath).toAbsolutePath().normalize();
        return Files.exists(path) ? path : null;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        Path clip = find(CLIP);
        Path dino = find(DINO);
        Path rivagan = find(RIVAGAN);
        if (clip != null) {
            config.put("certana.asset.embedding.clip-model", clip.toString());
        }
        if (dino != null) {
            config.put("certana.asset.embedding.dino-model", dino.toString());
        }
        if (rivagan != null) {
            config.put("certana.watermark.model-dir", rivagan.toString());
        }
        if (config.isEmpty()) {
            Log.warn("../shared/models is absent: tests run without embeddings and without watermark Track C");
        }
        return config;
    }

    @Override
    public void stop() {
    }
}
