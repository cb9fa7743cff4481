package io.certana.watermark.neural;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.certana.watermark.BitString;
import io.certana.watermark.NeuralModelSettings;
import io.certana.watermark.WatermarkException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Track C: an ONNX watermark encoder/decoder pair run at a fixed working resolution. Written for
 * RivaGAN (K. A. Zhang, L. Xu, A. Cuesta-Infante and K. Veeramachaneni, "Robust invisible video
 * watermarking with attention", arXiv 1909.01285), whose encoder takes frames (N, 3, T = 1, H, W)
 * in [-1, 1] and 32 data bits and returns the marked frames, and whose decoder returns one logit
 * per bit. Names, value range, time axis and payload length come from {@link NeuralModelSettings},
 * so other models of the same shape (such as TrustMark's 100-bit encoder and decoder) fit.
 *
 * <p>The image is scaled to the working short side with an area average, the model's residual
 * (marked minus input) is scaled back to full size bilinearly and added, so the cost does not grow
 * with the image. Channels enter in R, G, B order. Sessions are thread-safe in ONNX Runtime.
 */
public final class NeuralTrack implements AutoCloseable {

    private final NeuralModelSettings settings;
    private final OrtEnvironment environment;
    private final OrtSession encoder;
    private final OrtSession decoder;
    private final String encoderImageInput;
    private final String payloadInput;
    private final String decoderImageInput;

    public NeuralTrack(NeuralModelSettings settings) {
        this.settings = settings;
        Path encoderPath = settings.folder().resolve(settings.encoderFile());
        Path decoderPath = settings.folder().resolve(settings.decoderFile());
        for (Path path : new Path[] {encoderPath, decoderPath}) {
            if (!Files.isRegularFile(path)) {
                throw new WatermarkException("Track C model file not found: " + path);
            }
        }
        environment = OrtEnvironment.getEnvironment();
        try {
            encoder = environment.createSession(encoderPath.toString(), new OrtSession.SessionOptions());
            decoder = environment.createSession(decoderPath.toString(), new OrtSession.SessionOptions());
            encoderImageInput = settings.imageInput() != null ? settings.imageInput() : inputOfRank(encoder, true);
            payloadInput = settings.payloadInput() != null ? settings.payloadInput() : inputOfRank(encoder, false);
            decoderImageInput = settings.imageInput() != null ? settings.imageInput() : inputOfRank(decoder, true);
        } catch (OrtException e) {
            throw new WatermarkException("Track C model could not be loaded from " + settings.folder() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Picks the image input (rank 4 or 5) or the payload input (rank 2) when names are not configured. */
    private static String inputOfRank(OrtSession session, boolean image) throws OrtException {
        for (var entry : session.getInputInfo().entrySet()) {
            if (entry.getValue().getInfo() instanceof ai.onnxruntime.TensorInfo info) {
                boolean isImage = info.getShape().length >= 4;
                if (isImage == image) {
                    return entry.getKey();
                }
            }
        }
        throw new WatermarkException("Track C model has no " + (image ? "image" : "payload") + " input: "
                + session.getInputNames());
    }

    public int payloadBits() {
        return settings.payloadBits();
    }

    /** Short side in pixels (or square side) at which the model runs. */
    public int workingSize() {
        return settings.workingSize();
    }

    /** Embedding outcome: marked pixels and the residual gain applied. */
    public record Embedded(int[] marked, double gain) {
    }

    /** Marks ARGB pixels with a payload of exactly {@link #payloadBits()} bits. */
    public Embedded embed(int[] argb, int width, int height, BitString payload) {
        if (payload.length() != settings.payloadBits()) {
            throw new IllegalArgumentException("Track C model takes " + settings.payloadBits() + " bits, got "
                    + payload.length());
        }
        Working working = Working.of(argb, width, height, settings.workingSize(), settings.squareInput());
        float[] input = toTensor(working);
        float[] bits = new float[settings.payloadBits()];
        for (int i = 0; i < bits.length; i++) {
            int bit = payload.bit(i);
            bits[i] = settings.bitsAsSigned() ? 2 * bit - 1 : bit;
        }
        float[] output;
        try (OnnxTensor frame = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape(working));
             OnnxTensor data = OnnxTensor.createTensor(environment, FloatBuffer.wrap(bits), new long[] {1, bits.length});
             OrtSession.Result result = encoder.run(Map.of(encoderImageInput, frame, payloadInput, data))) {
            output = ((OnnxTensor) result.get(0)).getFloatBuffer().array();
        } catch (OrtException e) {
            throw new WatermarkException("Track C encoder failed: " + e.getMessage(), e);
        }
        // Residual in 0..255 units per channel at the working size, scaled back to the full image.
        float scale = 255f / (settings.rangeMax() - settings.rangeMin());
        int plane = working.width() * working.height();
        float[][] residual = new float[3][plane];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                residual[c][i] = (output[c * plane + i] - input[c * plane + i]) * scale;
            }
        }
        int[] out = new int[argb.length];
        for (int y = 0; y < height; y++) {
            double sy = (y + 0.5) * working.height() / height - 0.5;
            for (int x = 0; x < width; x++) {
                double sx = (x + 0.5) * working.width() / width - 0.5;
                int p = argb[y * width + x];
                int r = clamp(((p >> 16) & 0xff) + bilinear(residual[0], working, sx, sy));
                int g = clamp(((p >> 8) & 0xff) + bilinear(residual[1], working, sx, sy));
                int b = clamp((p & 0xff) + bilinear(residual[2], working, sx, sy));
                out[y * width + x] = (p & 0xff000000) | (r << 16) | (g << 8) | b;
            }
        }
        return new Embedded(out, 1.0);
    }

    /** Decoded bits and the mean |output − decision value| over them, the decoder's margin. */
    public record Decoded(BitString bits, double meanMargin) {
    }

    public Decoded detect(int[] argb, int width, int height) {
        Working working = Working.of(argb, width, height, settings.workingSize(), settings.squareInput());
        float[] logits;
        try (OnnxTensor frame = OnnxTensor.createTensor(environment, FloatBuffer.wrap(toTensor(working)), shape(working));
             OrtSession.Result result = decoder.run(Map.of(decoderImageInput, frame))) {
            logits = ((OnnxTensor) result.get(0)).getFloatBuffer().array();
        } catch (OrtException e) {
            throw new WatermarkException("Track C decoder failed: " + e.getMessage(), e);
        }
        if (logits.length < settings.payloadBits()) {
            throw new WatermarkException("Track C decoder returned " + logits.length + " values, expected "
                    + settings.payloadBits());
        }
        byte[] bits = new byte[settings.payloadBits()];
        double magnitude = 0;
        for (int i = 0; i < bits.length; i++) {
            double v = logits[i] - settings.decoderLogitZero();
            bits[i] = (byte) (v > 0 ? 1 : 0);
            magnitude += Math.abs(v);
        }
        return new Decoded(BitString.of(bits), magnitude / bits.length);
    }

    private long[] shape(Working working) {
        return settings.frameAxis()
                ? new long[] {1, 3, 1, working.height(), working.width()}
                : new long[] {1, 3, working.height(), working.width()};
    }

    /** Planar R, G, B tensor data mapped from 0..255 to the model's value range. */
    private float[] toTensor(Working working) {
        int plane = working.width() * working.height();
        float[] tensor = new float[3 * plane];
        float span = settings.rangeMax() - settings.rangeMin();
        for (int c = 0; c < 3; c++) {
            float[] channel = working.channels()[c];
            for (int i = 0; i < plane; i++) {
                tensor[c * plane + i] = settings.rangeMin() + channel[i] / 255f * span;
            }
        }
        return tensor;
    }

    private static float bilinear(float[] plane, Working working, double x, double y) {
        int w = working.width();
        int h = working.height();
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = Math.min(w - 2, (int) x);
        int y0 = Math.min(h - 2, (int) y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float top = plane[y0 * w + x0] * (1 - fx) + plane[y0 * w + x0 + 1] * fx;
        float bottom = plane[(y0 + 1) * w + x0] * (1 - fx) + plane[(y0 + 1) * w + x0 + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static int clamp(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : (i > 255 ? 255 : i);
    }

    @Override
    public void close() {
        try {
            encoder.close();
            decoder.close();
        } catch (OrtException e) {
            throw new WatermarkException("Track C sessions could not be closed: " + e.getMessage(), e);
        }
    }
}
