package io.certana.verification.imaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.certana.imaging.decode.DecodeLimits;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.verification.config.VerificationConfig;
import io.certana.verification.config.WatermarkConfig;
import io.certana.watermark.NeuralModelSettings;
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

    /** Smallest watermark key, in bytes, that {@link WatermarkSettings} accepts. */
    private static final int MIN_KEY_BYTES = 16;

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
     * @throws IllegalStateException at start when the key is too short or the model folder is unusable
     */
    @Produces
    @Singleton
    @Startup
    WatermarkEngine watermarkEngine(WatermarkConfig config) {
        byte[] key = config.key().getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("certana.watermark.key must have at least " + MIN_KEY_BYTES
                    + " bytes of UTF-8, got " + key.length);
        }
        WatermarkSettings settings = WatermarkSettings.withKey(key);
        Optional<NeuralModelSettings> model = neuralModel(config);
        if (model.isPresent()) {
            settings = settings.withNeuralModel(model.get());
        }
        WatermarkEngine engine = new WatermarkEngine(settings);
        Log.infof("Watermark detection ready: Tracks A and B%s", engine.neuralConfigured()
                ? " and C (model folder " + config.modelDir().orElseThrow() + ")" : "; Track C not configured");
        return engine;
    }

    void closeWatermarkEngine(@Disposes WatermarkEngine engine) {
        engine.close();
    }

    private static Optional<NeuralModelSettings> neuralModel(WatermarkConfig config) {
        if (config.modelDir().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(NeuralModelSettings.fromFolder(config.modelDir().get()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("certana.watermark.model-dir " + config.modelDir().get()
                    + " is not a usable Track C model folder: " + e.getMessage(), e);
        }
    }
}
