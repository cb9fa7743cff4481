package io.certana.asset.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Watermark settings under {@code certana.watermark}, shared by name with verification-service and
 * the {@code certana} command-line tool (environment {@code CERTANA_WATERMARK_KEY} and
 * {@code CERTANA_WATERMARK_MODEL_DIR}), because a mark is only detected with the key it was made with.
 */
@ConfigMapping(prefix = "certana.watermark")
public interface WatermarkConfig {

    /** Secret watermark key as text; its UTF-8 bytes are the key, at least 16 of them. */
    String key();

    /** Track C model folder (RivaGAN's encoder and decoder); without it Tracks A and B only are embedded. */
    Optional<Path> modelDir();
}
