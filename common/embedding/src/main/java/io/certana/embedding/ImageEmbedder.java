package io.certana.embedding;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

/**
 * Computes an L2-normalised embedding of an image with an ONNX model that takes one
 * {@code float[N, 3, S, S]} tensor and returns {@code float[N, D]}.
 *
 * <p>Preprocessing follows CLIP and DINOv2: resize the short side to S with bicubic
 * interpolation, take the centred S×S crop, scale to [0, 1] and normalise per channel.
 * One instance is safe for concurrent use, as ONNX Runtime sessions are.
 */
public final class ImageEmbedder implements AutoCloseable {

    private final EmbeddingModelSpec spec;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;

    /**
     * Loads the model and checks that its input and output shapes fit the spec.
     *
     * @throws IllegalArgumentException when the file is missing or the model's shapes differ
     *     from the spec
     * @throws IllegalStateException when ONNX Runtime cannot load the model
     */
    public ImageEmbedder(EmbeddingModelSpec spec) {
        if (!Files.isRegularFile(spec.modelFile())) {
            throw new IllegalArgumentException("embedding model file not found: " + spec.modelFile());
        }
        this.spec = spec;
        this.environment = OrtEnvironment.getEnvironment();
        try {
            this.session = environment.createSession(spec.modelFile().toString(), new OrtSession.SessionOptions());
            this.inputName = session.getInputNames().iterator().next();
            checkShapes();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + spec.modelFile() + ": " + e.getMessage(), e);
        }
    }

    public EmbeddingModelSpec spec() {
        return spec;
    }

    /** Returns the unit-length embedding of an RGB image. */
    public float[] embed(BufferedImage image) {
        int size = spec.inputSize();
        float[] pixels = preprocess(image, size);
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pixels), new long[] {1, 3, size, size});
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            float[][] output = (float[][]) result.get(0).getValue();
            return normalise(output[0]);
        } catch (OrtException e) {
            throw new IllegalStateException("embedding model " + spec.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing ONNX session of " + spec.name() + " failed", e);
        }
    }

    private void checkShapes() throws OrtException {
        NodeInfo input = session.getInputInfo().get(inputName);
        NodeInfo output = session.getOutputInfo().values().iterator().next();
        long[] inputShape = ((TensorInfo) input.getInfo()).getShape();
        long[] outputShape = ((TensorInfo) output.getInfo()).getShape();
        boolean inputFits = inputShape.length == 4 && inputShape[1] == 3
                && fits(inputShape[2], spec.inputSize()) && fits(inputShape[3], spec.inputSize());
        boolean outputFits = outputShape.length == 2 && fits(outputShape[1], spec.dimensions());
        if (!inputFits || !outputFits) {
            throw new IllegalArgumentException("model " + spec.modelFile() + " takes " + Arrays.toString(inputShape)
                    + " and returns " + Arrays.toString(outputShape) + ", expected [N, 3, " + spec.inputSize()
                    + ", " + spec.inputSize() + "] and [N, " + spec.dimensions() + "]");
        }
    }

    /** Checks one declared dimension; a dynamic dimension (negative in ONNX) accepts any size. */
    private static boolean fits(long declared, int expected) {
        return declared < 0 || declared == expected;
    }

    /** Resizes, centre-crops and normalises into planar CHW floats. */
    private float[] preprocess(BufferedImage image, int size) {
        double scale = (double) size / Math.min(image.getWidth(), image.getHeight());
        int scaledWidth = Math.max(size, (int) Math.round(image.getWidth() * scale));
        int scaledHeight = Math.max(size, (int) Math.round(image.getHeight() * scale));

        BufferedImage crop = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        var graphics = crop.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, -(scaledWidth - size) / 2, -(scaledHeight - size) / 2, scaledWidth, scaledHeight, null);
        } finally {
            graphics.dispose();
        }

        int plane = size * size;
        float[] out = new float[3 * plane];
        int[] rgb = crop.getRGB(0, 0, size, size, null, 0, size);
        float[] mean = spec.mean();
        float[] std = spec.std();
        for (int i = 0; i < plane; i++) {
            int pixel = rgb[i];
            out[i] = (((pixel >> 16) & 0xFF) / 255f - mean[0]) / std[0];
            out[plane + i] = (((pixel >> 8) & 0xFF) / 255f - mean[1]) / std[1];
            out[2 * plane + i] = ((pixel & 0xFF) / 255f - mean[2]) / std[2];
        }
        return out;
    }

    private static float[] normalise(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum == 0) {
            return vector;
        }
        float inverse = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverse;
        }
        return vector;
    }
}
