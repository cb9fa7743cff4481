package io.certana.watermark.neural;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a tiny ONNX watermark encoder/decoder pair for tests of models wider than RivaGAN. The
 * encoder adds Σ bit_i · W_i to a (1, 3, size, size) image, with bits entering as −1/+1. The
 * decoder returns image · W_iᵀ per bit, a matched filter whose sign recovers the bit. W holds
 * random ±amplitude patterns. The files follow the ONNX protobuf schema (onnx.proto, IR version 7,
 * opset 13), written field by field so that no ONNX tooling is needed.
 */
final class LinearWatermarkModel {

    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private LinearWatermarkModel() {
    }

    /** Writes encoder.onnx and decoder.onnx into {@code folder}. */
    static void write(Path folder, int bits, int size, float amplitude, long seed) throws IOException {
        int pixels = 3 * size * size;
        float[] patterns = new float[bits * pixels];
        Random random = new Random(seed);
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = random.nextBoolean() ? amplitude : -amplitude;
        }
        float[] transposed = new float[pixels * bits];
        for (int b = 0; b < bits; b++) {
            for (int p = 0; p < pixels; p++) {
                transposed[p * bits + b] = patterns[b * pixels + p];
            }
        }
        long[] imageShape = {1, 3, size, size};

        byte[] encoder = model(graph("encoder",
                new byte[][] {
                        node("MatMul", new String[] {"secret", "patterns"}, "pattern"),
                        node("Reshape", new String[] {"pattern", "image_shape"}, "residual"),
                        node("Add", new String[] {"image", "residual"}, "marked")},
                new byte[][] {
                        floatTensor("patterns", new long[] {bits, pixels}, patterns),
                        int64Tensor("image_shape", imageShape)},
                new byte[][] {valueInfo("image", imageShape), valueInfo("secret", new long[] {1, bits})},
                new byte[][] {valueInfo("marked", imageShape)}));
        byte[] decoder = model(graph("decoder",
                new byte[][] {
                        node("Reshape", new String[] {"image", "flat_shape"}, "flat"),
                        node("MatMul", new String[] {"flat", "transposed"}, "logits")},
                new byte[][] {
                        floatTensor("transposed", new long[] {pixels, bits}, transposed),
                        int64Tensor("flat_shape", new long[] {1, pixels})},
                new byte[][] {valueInfo("image", imageShape)},
                new byte[][] {valueInfo("logits", new long[] {1, bits})}));
        Files.write(folder.resolve("encoder.onnx"), encoder);
        Files.write(folder.resolve("decoder.onnx"), decoder);
    }

    // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8.
    private static byte[] model(byte[] graph) {
        Message m = new Message();
        m.varint(1, 7);
        m.string(2, "certana-test");
        m.bytes(7, graph);
        Message opset = new Message();
        opset.string(1, "");
        opset.varint(2, 13);
        m.bytes(8, opset.toByteArray());
        return m.toByteArray();
    }

    // GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
    private static byte[] graph(String name, byte[][] nodes, byte[][] initializers, byte[][] inputs, byte[][] outputs) {
        Message m = new Message();
        for (byte[] node : nodes) {
            m.bytes(1, node);
        }
        m.string(2, name);
        for (byte[] initializer : initializers) {
            m.bytes(5, initializer);
        }
        for (byte[] input : inputs) {
            m.bytes(11, input);
        }
        for (byte[] output : outputs) {
            m.bytes(12, output);
        }
        return m.toByteArray();
    }

    // NodeProto: input = 1, output = 2, op_type = 4.
    private static byte[] node(String op, String[] inputs, String output) {
        Message m = new Message();
        for (String input : inputs) {
            m.string(1, input);
        }
        m.string(2, output);
        m.string(4, op);
        return m.toByteArray();
    }

    // TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian).
    private static byte[] floatTensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor(name, dims, FLOAT, raw.array());
    }

    private static byte[] int64Tensor(String name, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return tensor(name, new long[] {values.length}, INT64, raw.array());
    }

    private static byte[] tensor(String name, long[] dims, int type, byte[] raw) {
        Message m = new Message();
        for (long dim : dims) {
            m.varint(1, dim);
        }
        m.varint(2, type);
        m.string(8, name);
        m.bytes(9, raw);
        return m.toByteArray();
    }

    // ValueInfoProto: name = 1, type = 2; TypeProto: tensor_type = 1; Tensor: elem_type = 1,
    // shape = 2; TensorShapeProto: dim = 1; Dimension: dim_value = 1.
    private static byte[] valueInfo(String name, long[] shape) {
        Message dims = new Message();
        for (long size : shape) {
            Message dim = new Message();
            dim.varint(1, size);
            dims.bytes(1, dim.toByteArray());
        }
        Message tensorType = new Message();
        tensorType.varint(1, FLOAT);
        tensorType.bytes(2, dims.toByteArray());
        Message type = new Message();
        type.bytes(1, tensorType.toByteArray());
        Message m = new Message();
        m.string(1, name);
        m.bytes(2, type.toByteArray());
        return m.toByteArray();
    }

    /** Protobuf wire format: varint fields (wire type 0) and length-delimited fields (wire type 2). */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
        }

        void string(int field, String value) {
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(int field, byte[] value) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(value.length);
            out.writeBytes(value);
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
