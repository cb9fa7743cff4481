package io.certana.verification.imaging;


import io.certana.embedding.EmbeddingModels;
import io.certana.imaging.decode.DecodeLimits;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.verification.config.VerificationConfig;
import io.certana.verification.config.WatermarkConfig;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the plain-Java imaging and watermark classes injectable, configured from
 * {@code certana.verification.upload.*} and {@code certana.watermark.*}. They are immutable and
 * thread-safe, so one instance serves every request.
 */
public class ImagingProducers {

    @Produces
    @Singleton
    ImageDecoder decoder(VerificationConfig config) {
        return new ImageDecoder(new DecodeLimits(config.upload().maxPixels(), config.upload().maxBytes().asLongValue(),
                config.upload().decodeTimeLimit()));
    }

    @Produces
    @Singleton
    PdqHasher pdqHasher() {
        return new PdqHasher();
    }

    /**
     * Creates the watermark engine with the shared key, and Track C when a model folder is configured.
     *
     * @throws IllegalArgumentException at start when the key is too short or the model folder is unusable
     */
    @Produces
    @Singleton
    @Startup
    WatermarkEngine watermarkEngine(WatermarkConfig config) {
        WatermarkSettings settings = WatermarkSettings.fromConfiguration(config.key(), config.modelDir());
        WatermarkEngine engine = new WatermarkEngine(settings);
        Log.infof("Watermark detection ready: Tracks A and B%s", engine.neuralConfigured()
                ? " and C (model folder " + config.modelDir().orElseThrow() + ")" : "; Track C not configured");
        return engine;
    }

    void closeWatermarkEngine(@Disposes WatermarkEngine engine) {
        engine.close();
    }

    /**
     * Loads the CLIP and DINO models configured under {@code certana.verification.embedding}, once at start. A
     * configured path that is not a model of the right shape stops the start.
     */
    @Produces
    @Singleton
    @Startup
    EmbeddingModels embeddingModels(VerificationConfig config) {
        EmbeddingModels models = new EmbeddingModels(config.embedding().clipModel(), config.embedding().dinoModel());
        Log.infof("Embedding models: %s", models.configured() ? models.description() : "none configured");
        return models;
    }

    void closeEmbeddingModels(@Disposes EmbeddingModels models) {
        models.close();
    }
}
