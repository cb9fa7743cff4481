package io.certana.watermark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * An ONNX watermark model for Track C: an encoder that takes an image and payload bits and returns
 * the marked image, and a decoder that returns one logit (or probability) per payload bit.
 *
 * @param folder           folder holding both model files
 * @param encoderFile      encoder file name inside the folder
 * @param decoderFile      decoder file name inside the folder
 * @param payloadBits      payload length of the model, 1..{@link #MAX_PAYLOAD_BITS}; payloads
 *                         longer than 64 bits carry the 64-bit asset payload and a keyed check
 *                         (see {@link WatermarkEngine#neuralPayloadBits})
 * @param workingSize      short side in pixels at which the model runs; the residual is scaled back
 * @param imageInput       name of the encoder's and decoder's image input, or null to take the input
 *                         of rank 4 or 5 from the model file
 * @param payloadInput     name of the encoder's payload input, or null to take the input of rank 2
 * @param frameAxis        whether image tensors carry a time axis, (N, C, T=1, H, W), as RivaGAN's do
 * @param rangeMin         pixel value that black maps to (-1 for RivaGAN)
 * @param rangeMax         pixel value that white maps to (1 for RivaGAN)
 * @param bitsAsSigned     whether payload bits enter the encoder as 0/1 (false) or -1/+1 (true)
 * @param decoderLogitZero decoder output value that separates bit 0 from bit 1 (0 for logits, 0.5
 *                         for probabilities)
 * @param squareInput      whether the model takes a workingSize x workingSize square (the image is
 *                         then stretched to it) rather than the image's aspect ratio
 * @param detectionMargin  mean |output − decoderLogitZero| from which a model of at most 64 bits
 *                         counts as detected (8 for RivaGAN's logits, whose unmarked values stay
 *                         below 6); wider models are detected by their keyed check instead
 */
public record NeuralModelSettings(Path folder, String encoderFile, String decoderFile, int payloadBits, int workingSize,
                                  String imageInput, String payloadInput, boolean frameAxis, float rangeMin,
                                  float rangeMax, boolean bitsAsSigned, float decoderLogitZero, boolean squareInput,
                                  double detectionMargin) {

    /** Name of the optional description file in a model folder, read by {@link #fromFolder}. */
    public static final String PROPERTIES_FILE = "watermark-model.properties";
    /** Longest payload a model may carry, in bits. */
    public static final int MAX_PAYLOAD_BITS = 256;
    /** Working short side of RivaGAN, in pixels. */
    public static final int DEFAULT_WORKING_SIZE = 256;
    /** Mean |logit| from which RivaGAN's decoder output counts as a detection. */
    public static final double RIVAGAN_DETECTION_MARGIN = 8.0;

    private static final Set<String> PROPERTY_NAMES = Set.of("encoder", "decoder", "payload.bits", "working.size",
            "input.image", "input.payload", "frame.axis", "range.min", "range.max", "bits.signed", "decoder.zero",
            "square.input", "detection.margin");

    public NeuralModelSettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(encoderFile, "encoderFile");
        Objects.requireNonNull(decoderFile, "decoderFile");
        if (payloadBits < 1 || payloadBits > MAX_PAYLOAD_BITS) {
            throw new IllegalArgumentException("Track C payload must have 1.." + MAX_PAYLOAD_BITS + " bits: " + payloadBits);
        }
        if (workingSize < 32 || workingSize > 4096) {
            throw new IllegalArgumentException("Track C working size must be 32..4096 px: " + workingSize);
        }
        if (!(rangeMax > rangeMin)) {
            throw new IllegalArgumentException("Track C value range is empty: " + rangeMin + ".." + rangeMax);
        }
        if (!(detectionMargin > 0)) {
            throw new IllegalArgumentException("Track C detection margin must be positive: " + detectionMargin);
        }
    }

    /** Settings without the square-input and detection-margin options: aspect ratio kept, RivaGAN's margin. */
    public NeuralModelSettings(Path folder, String encoderFile, String decoderFile, int payloadBits, int workingSize,
                               String imageInput, String payloadInput, boolean frameAxis, float rangeMin,
                               float rangeMax, boolean bitsAsSigned, float decoderLogitZero) {
        this(folder, encoderFile, decoderFile, payloadBits, workingSize, imageInput, payloadInput, frameAxis, rangeMin,
                rangeMax, bitsAsSigned, decoderLogitZero, false, RIVAGAN_DETECTION_MARGIN);
    }

    /**
     * RivaGAN as exported to ONNX by the invisible-watermark project: files rivagan_encoder.onnx and
     * rivagan_decoder.onnx, 32 bits, frames in [-1, 1] with a time axis, 0/1 bits in, logits out.
     * Input names are read from the model files.
     */
    public static NeuralModelSettings rivaGan(Path folder, int workingSize) {
        return new NeuralModelSettings(folder, "rivagan_encoder.onnx", "rivagan_decoder.onnx", 32, workingSize,
                null, null, true, -1f, 1f, false, 0f, false, RIVAGAN_DETECTION_MARGIN);
    }

    /**
     * Reads a model folder: RivaGAN at {@link #DEFAULT_WORKING_SIZE} when the folder has no
     * {@link #PROPERTIES_FILE}, otherwise RivaGAN's values overridden by the file's keys:
     * {@code encoder}, {@code decoder} (file names), {@code payload.bits}, {@code working.size},
     * {@code input.image}, {@code input.payload}, {@code frame.axis}, {@code range.min},
     * {@code range.max}, {@code bits.signed}, {@code decoder.zero}, {@code square.input} and
     * {@code detection.margin}, with the meanings of the record components.
     *
     * @throws IOException              when the description file cannot be read
     * @throws IllegalArgumentException when it has an unknown key or an invalid value
     */
    public static NeuralModelSettings fromFolder(Path folder) throws IOException {
        NeuralModelSettings base = rivaGan(folder, DEFAULT_WORKING_SIZE);
        Path file = folder.resolve(PROPERTIES_FILE);
        if (!Files.isRegularFile(file)) {
            return base;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        for (String name : properties.stringPropertyNames()) {
            if (!PROPERTY_NAMES.contains(name)) {
                throw new IllegalArgumentException(PROPERTIES_FILE + ": unknown key '" + name + "'; known keys are "
                        + PROPERTY_NAMES);
            }
        }
        PropertyReader read = new PropertyReader(properties);
        return new NeuralModelSettings(folder,
                read.text("encoder", base.encoderFile()),
                read.text("decoder", base.decoderFile()),
                read.integer("payload.bits", base.payloadBits()),
                read.integer("working.size", base.workingSize()),
                read.text("input.image", null),
                read.text("input.payload", null),
                read.bool("frame.axis", base.frameAxis()),
                (float) read.number("range.min", base.rangeMin()),
                (float) read.number("range.max", base.rangeMax()),
                read.bool("bits.signed", base.bitsAsSigned()),
                (float) read.number("decoder.zero", base.decoderLogitZero()),
                read.bool("square.input", base.squareInput()),
                read.number("detection.margin", base.detectionMargin()));
    }

    /** Typed access to the description file, with the key named in every error. */
    private record PropertyReader(Properties properties) {

        String text(String key, String fallback) {
            String value = properties.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String key, int fallback) {
            String value = text(key, null);
            try {
                return value == null ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PROPERTIES_FILE + ": " + key + " must be an integer, got '" + value + "'");
            }
        }

        double number(String key, double fallback) {
            String value = text(key, null);
            try {
                return value == null ? fallback : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PROPERTIES_FILE + ": " + key + " must be a number, got '" + value + "'");
            }
        }

        boolean bool(String key, boolean fallback) {
            String value = text(key, null);
            if (value == null) {
                return fallback;
            }
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException(PROPERTIES_FILE + ": " + key + " must be true or false, got '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }
    }
}
