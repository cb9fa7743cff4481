package io.certana.verification.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Watermark settings under {@code certana.watermark}, the same keys and values as asset-service's
 * (environment {@code CERTANA_WATERMARK_KEY} and {@code CERTANA_WATERMARK_MODEL_DIR}), because a
 * mark is only detected with the key it was made with.
 */
@ConfigMapping(prefix = "certana.watermark")
public interface WatermarkConfig {

    /** Secret watermark key as text; its UTF-8 bytes are the key, at least 16 of them. */
    String key();

    /** Track C model folder (RivaGAN's encoder and decoder); without it Track C is not detected. */
    Optional<Path> modelDir();
}
