package io.certana.watermark;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An ONNX watermark model for Track C: an encoder that takes an image and payload bits and returns
 * the marked image, and a decoder that returns one logit (or probability) per payload bit.
 *
 * @param folder          folder holding both model files
 * @param encoderFile     encoder file name inside the folder
 * @param decoderFile     decoder file name inside the folder
 * @param payloadBits     payload length of the model, 1..64
 * @param workingSize     short side in pixels at which the model runs; the residual is scaled back
 * @param imageInput      name of the encoder's and decoder's image input
 * @param payloadInput    name of the encoder's payload input
 * @param frameAxis       whether image tensors carry a time axis, (N, C, T=1, H, W), as RivaGAN's do
 * @param rangeMin        pixel value that black maps to (-1 for RivaGAN)
 * @param rangeMax        pixel value that white maps to (1 for RivaGAN)
 * @param bitsAsSigned    whether payload bits enter the encoder as 0/1 (false) or -1/+1 (true)
 * @param decoderLogitZero decoder output value that separates bit 0 from bit 1 (0 for logits)
 */
public record NeuralModelSettings(Path folder, String encoderFile, String decoderFile, int payloadBits, int workingSize,
                                  String imageInput, String payloadInput, boolean frameAxis, float rangeMin,
                                  float rangeMax, boolean bitsAsSigned, float decoderLogitZero) {

    public NeuralModelSettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(encoderFile, "encoderFile");
        Objects.requireNonNull(decoderFile, "decoderFile");
        if (payloadBits < 1 || payloadBits > 64) {
            throw new IllegalArgumentException("Track C payload must have 1..64 bits: " + payloadBits);
        }
        if (workingSize < 32 || workingSize > 4096) {
            throw new IllegalArgumentException("Track C working size must be 32..4096 px: " + workingSize);
        }
        if (!(rangeMax > rangeMin)) {
            throw new IllegalArgumentException("Track C value range is empty: " + rangeMin + ".." + rangeMax);
        }
    }

    /**
     * RivaGAN as exported to ONNX by the invisible-watermark project: files rivagan_encoder.onnx and
     * rivagan_decoder.onnx, 32 bits, frames in [-1, 1] with a time axis, 0/1 bits in, logits out.
     * Input names are read from the model files when these are null.
     */
    public static NeuralModelSettings rivaGan(Path folder, int workingSize) {
        return new NeuralModelSettings(folder, "rivagan_encoder.onnx", "rivagan_decoder.onnx", 32, workingSize,
                null, null, true, -1f, 1f, false, 0f);
    }
}
