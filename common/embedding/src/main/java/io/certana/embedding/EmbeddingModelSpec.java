package io.certana.embedding;

import java.nio.file.Path;

/**
 * Description of an ONNX image-embedding model: where it is and how it expects its input.
 *
 * @param name short name stored beside each embedding, for example {@code clip-vit-l-14}
 * @param modelFile the {@code .onnx} file
 * @param inputSize side of the square input, in pixels (224 for CLIP ViT-L/14 and DINOv2 ViT-L/14)
 * @param mean per-channel mean subtracted after scaling pixels to [0, 1], in R, G, B order
 * @param std per-channel standard deviation divided by after the mean, in R, G, B order
 * @param dimensions length of the embedding the model must return
 */
public record EmbeddingModelSpec(String name, Path modelFile, int inputSize, float[] mean, float[] std, int dimensions) {

    /** Normalisation constants of OpenAI's CLIP preprocessing. */
    public static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    public static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    /** ImageNet normalisation constants, which DINOv2's preprocessing uses. */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public EmbeddingModelSpec {
        if (inputSize < 8) {
            throw new IllegalArgumentException("input size must be at least 8 px, got " + inputSize);
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need one value per RGB channel");
        }
        if (dimensions < 1) {
            throw new IllegalArgumentException("embedding dimensions must be positive, got " + dimensions);
        }
    }

    /** Describes a CLIP image encoder with 768-dimensional output and CLIP normalisation. */
    public static EmbeddingModelSpec clip(Path modelFile) {
        return new EmbeddingModelSpec("clip", modelFile, 224, CLIP_MEAN, CLIP_STD, 768);
    }

    /** Describes a DINOv2 image encoder with 1024-dimensional output and ImageNet normalisation. */
    public static EmbeddingModelSpec dino(Path modelFile) {
        return new EmbeddingModelSpec("dino", modelFile, 224, IMAGENET_MEAN, IMAGENET_STD, 1024);
    }
}
