package io.certana.embedding;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLIP and DINO models of a service, each optional, loaded once. Registration and verification
 * must use the same files, or the similarities between their embeddings mean nothing.
 */
public final class EmbeddingModels implements AutoCloseable {

    private final Optional<ImageEmbedder> clip;
    private final Optional<ImageEmbedder> dino;
    private final String description;

    /**
     * Loads the models whose files are given.
     *
     * @throws IllegalStateException when a file is not a model of the expected shape
     */
    public EmbeddingModels(Optional<Path> clipModel, Optional<Path> dinoModel) {
        this.clip = clipModel.map(path -> load(EmbeddingModelSpec.clip(path)));
        this.dino = dinoModel.map(path -> load(EmbeddingModelSpec.dino(path)));
        List<String> names = new ArrayList<>();
        clip.ifPresent(model -> names.add("clip:" + model.spec().modelFile().getFileName()));
        dino.ifPresent(model -> names.add("dino:" + model.spec().modelFile().getFileName()));
        this.description = names.isEmpty() ? null : String.join(",", names);
    }

    /** Returns whether at least one model is configured. */
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

    @Override
    public void close() {
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
