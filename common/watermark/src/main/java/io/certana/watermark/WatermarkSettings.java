package io.certana.watermark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of a {@link WatermarkEngine}.
 *
 * @param secretKey        key that seeds every pattern, permutation and scrambling mask; at least
 *                         16 bytes. Another key detects nothing.
 * @param trackBPsnrDb     Track B's starting strength, as the PSNR in dB of its pattern alone
 * @param minimumPsnrDb    floor in dB that the adaptive strength loop of Track B never goes below
 * @param trackAStep       Track A's quantisation step, in luma levels
 * @param neuralModel      Track C's model, or empty when Track C is not configured
 */
public record WatermarkSettings(byte[] secretKey, double trackBPsnrDb, double minimumPsnrDb, double trackAStep,
                                Optional<NeuralModelSettings> neuralModel) {

    public static final double DEFAULT_TRACK_B_PSNR_DB = 44.0;
    public static final double DEFAULT_MINIMUM_PSNR_DB = 39.0;
    public static final double DEFAULT_TRACK_A_STEP = 3.0;

    public WatermarkSettings {
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.length < 16) {
            throw new IllegalArgumentException("watermark secret key must have at least 16 bytes, got " + secretKey.length);
        }
        secretKey = secretKey.clone();
        if (!(minimumPsnrDb > 20 && trackBPsnrDb >= minimumPsnrDb && trackBPsnrDb < 70)) {
            throw new IllegalArgumentException("invalid PSNR settings: Track B " + trackBPsnrDb
                    + " dB, minimum " + minimumPsnrDb + " dB (need 20 < minimum <= Track B < 70)");
        }
        if (!(trackAStep >= 1 && trackAStep <= 32)) {
            throw new IllegalArgumentException("Track A step must be in 1..32 luma levels: " + trackAStep);
        }
        Objects.requireNonNull(neuralModel, "neuralModel");
    }

    /** Settings with the default strengths and no Track C model. */
    public static WatermarkSettings withKey(byte[] secretKey) {
        return new WatermarkSettings(secretKey, DEFAULT_TRACK_B_PSNR_DB, DEFAULT_MINIMUM_PSNR_DB, DEFAULT_TRACK_A_STEP,
                Optional.empty());
    }

    /**
     * Builds settings with the default strengths from a service's {@code certana.watermark.key}
     * (UTF-8 text) and optional {@code certana.watermark.model-dir}.
     *
     * @throws IllegalArgumentException naming the key when it is shorter than 16 bytes, or when the
     *     folder is not a usable Track C model folder
     */
    public static WatermarkSettings fromConfiguration(String key, Optional<Path> modelFolder) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length < 16) {
            throw new IllegalArgumentException("certana.watermark.key must have at least 16 bytes of UTF-8, got "
                    + keyBytes.length);
        }
        WatermarkSettings settings = withKey(keyBytes);
        if (modelFolder.isEmpty()) {
            return settings;
        }
        if (!Files.isDirectory(modelFolder.get())) {
            throw new IllegalArgumentException("certana.watermark.model-dir " + modelFolder.get()
                    + " is not a folder; set it to the folder of the Track C model, or unset it");
        }
        try {
            return settings.withNeuralModel(NeuralModelSettings.fromFolder(modelFolder.get()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("certana.watermark.model-dir " + modelFolder.get()
                    + " is not a usable Track C model folder: " + e.getMessage(), e);
        }
    }

    public WatermarkSettings withNeuralModel(NeuralModelSettings model) {
        return new WatermarkSettings(secretKey, trackBPsnrDb, minimumPsnrDb, trackAStep, Optional.of(model));
    }

    @Override
    public byte[] secretKey() {
        return secretKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WatermarkSettings s && Arrays.equals(secretKey, s.secretKey)
                && trackBPsnrDb == s.trackBPsnrDb && minimumPsnrDb == s.minimumPsnrDb
                && trackAStep == s.trackAStep && neuralModel.equals(s.neuralModel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(secretKey), trackBPsnrDb, minimumPsnrDb, trackAStep, neuralModel);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "WatermarkSettings[trackBPsnrDb=" + trackBPsnrDb + ", minimumPsnrDb=" + minimumPsnrDb
                + ", trackAStep=" + trackAStep + ", neuralModel=" + neuralModel + "]";
    }
}
