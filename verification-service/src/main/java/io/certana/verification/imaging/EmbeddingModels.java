package io.certana.verification.imaging;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.certana.embedding.EmbeddingModelSpec;
import io.certana.embedding.ImageEmbedder;
import io.certana.verification.config.VerificationConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The CLIP and DINO models configured under {@code certana.verification.embedding}, loaded once at
 * start; they must be the files asset-service registers with, or the similarities mean nothing.
 * A configured path that does not hold a model of the right shape stops the start.
 */
@Startup
@Singleton
public class EmbeddingModels {

    private final Optional<ImageEmbedder> clip;
    private final Optional<ImageEmbedder> dino;
    private final String description;

    public EmbeddingModels(VerificationConfig config) {
        this.clip = config.embedding().clipModel().map(path -> load(EmbeddingModelSpec.clip(path)));
        this.dino = config.embedding().dinoModel().map(path -> load(EmbeddingModelSpec.dino(path)));
        List<String> names = new ArrayList<>();
        clip.ifPresent(model -> names.add("clip:" + model.spec().modelFile().getFileName()));
        dino.ifPresent(model -> names.add("dino:" + model.spec().modelFile().getFileName()));
        this.description = names.isEmpty() ? null : String.join(",", names);
        Log.infof("Embedding models: %s", description == null ? "none configured" : description);
    }

    public boolean configured() {
        return clip.isPresent() || dino.isPresent();
    }

    /** Returns the CLIP embedding (768 values) of an image, or null without a CLIP model. */
    public float[] clip(BufferedImage image) {
        return clip.map(model -> model.embed(image)).orElse(null);
    }

    /** Returns the DINO embedding (1024 values) of an image, or null without a DINO model. */
    public float[] dino(BufferedImage image) {
        return dino.map(model -> model.embed(image)).orElse(null);
    }

    /** Names the configured models, such as {@code clip:model.onnx,dino:model.onnx}, or null without any. */
    public String description() {
        return description;
    }

    @PreDestroy
    void close() {
        clip.ifPresent(ImageEmbedder::close);
        dino.ifPresent(ImageEmbedder::close);
    }

    private static ImageEmbedder load(EmbeddingModelSpec spec) {
        try {
            return new ImageEmbedder(spec);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException("Embedding model " + spec.name() + " at " + spec.modelFile()
                    + " cannot be used: " + e.getMessage(), e);
        }
    }
}
