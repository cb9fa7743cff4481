package io.certana.cli.watermark;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.encode.ImageEncoder;
import io.certana.watermark.BitString;
import io.certana.watermark.NeuralModelSettings;
import io.certana.watermark.Track;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkSettings;
import io.certana.watermark.neural.NeuralTrack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code certana watermark bench}: embedding and detection times against the decode and encode
 * times of the same image, measured in the same run, as a Markdown table. Each cell is the median
 * of {@code --iterations} timed runs after {@code --warmup} untimed runs.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
                "Measures, per image: decoding the file, encoding the marked image as JPEG, embedding Tracks A and B, "
                        + "detecting them on the marked image and on the unmarked image, and Track C's model at its "
                        + "working size when a model folder is configured. Prints a Markdown table of median "
                        + "milliseconds and the ratio (embed + detect) / (decode + encode), whose target is at most 2.",
                "Without FILE, a generated 12-megapixel photo-like image (JPEG in memory) is measured. "
                        + "A random key is used: timings do not depend on the key.",
        })
public final class WatermarkBenchCommand implements Callable<Integer> {

    /** Size of the generated image: 12.0 megapixels in a 3:2 frame, as a camera writes it. */
    private static final int GENERATED_WIDTH = 4242;
    private static final int GENERATED_HEIGHT = 2828;
    private static final long PAYLOAD = 0x0123456789abcdefL;

    @ParentCommand
    private WatermarkCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "5", description = "Timed runs per operation and image (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed runs per operation and image before timing (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--jpeg-quality", defaultValue = "92", paramLabel = "Q",
            description = "Quality of the timed JPEG encoding on libjpeg's 1..100 scale (default: ${DEFAULT-VALUE}).")
    private int jpegQuality;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Track C model folder, as for embed; wins over " + EngineOptions.MODEL_VARIABLE + ".")
    private Path modelDir;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Images to measure; files that do not decode are reported and skipped.")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        if (iterations < 1 || warmup < 0 || jpegQuality < 1 || jpegQuality > 100) {
            throw new CommandLine.ParameterException(commandLine,
                    "--iterations must be at least 1, --warmup at least 0, --jpeg-quality within 1..100");
        }
        Optional<NeuralModelSettings> model = EngineOptions.model(commandLine, modelDir, parent.environment());
        PrintWriter out = commandLine.getOut();
        InputFailures failures = new InputFailures(commandLine.getErr());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ImageDecoder decoder = new ImageDecoder();
        ImageEncoder encoder = new ImageEncoder();
        NeuralTrack neural = model.map(NeuralTrack::new).orElse(null);
        try (WatermarkEngine engine = new WatermarkEngine(WatermarkSettings.withKey(key))) {
            out.printf(Locale.ROOT, "Java %s (%s), %d cores available, %d warm-up runs, median of %d runs, JPEG quality %d%n%n",
                    System.getProperty("java.version"), System.getProperty("java.vm.name"),
                    Runtime.getRuntime().availableProcessors(), warmup, iterations, jpegQuality);
            out.println("| image | MP | decode ms | encode ms | embed A+B ms | detect A+B ms | detect unmarked ms "
                    + "| (embed + detect) / (decode + encode) | embed ms/MP | detect ms/MP | B found | C embed ms | C detect ms |");
            out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
            out.flush();
            List<Input> inputs = files.isEmpty() ? List.of(generated(encoder)) : readAll(failures);
            for (Input input : inputs) {
                DecodedImage decoded;
                try {
                    decoded = decoder.decode(input.bytes(), DecodeMode.ORIENTED);
                } catch (ImageDecodeException e) {
                    failures.report(input.path(), e);
                    continue;
                }
                measure(out, engine, neural, decoder, encoder, input, decoded.image());
            }
        } finally {
            if (neural != null) {
                neural.close();
            }
        }
        return failures.exitCode();
    }

    private void measure(PrintWriter out, WatermarkEngine engine, NeuralTrack neural, ImageDecoder decoder,
                         ImageEncoder encoder, Input input, BufferedImage image) {
        Set<Track> tracks = EnumSet.of(Track.A, Track.B);
        float quality = jpegQuality / 100f;
        BufferedImage marked = engine.embed(image, PAYLOAD, tracks).marked();
        double decodeMs = median(() -> decoder.decode(input.bytes(), DecodeMode.ORIENTED));
        double encodeMs = median(() -> encoder.encodeJpeg(marked, quality));
        double embedMs = median(() -> engine.embed(image, PAYLOAD, tracks));
        double detectMs = median(() -> engine.detect(marked));
        double unmarkedMs = median(() -> engine.detect(image));
        boolean found = engine.detect(marked).track(Track.B).payload().orElse(~PAYLOAD) == PAYLOAD;
        double megapixels = image.getWidth() * (double) image.getHeight() / 1e6;
        String neuralCells = "not configured | not configured";
        if (neural != null) {
            BufferedImage working = workingSize(image, neural);
            int[] argb = working.getRGB(0, 0, working.getWidth(), working.getHeight(), null, 0, working.getWidth());
            BitString bits = BitString.fromLong(PAYLOAD, Math.min(64, neural.payloadBits()))
                    .concat(BitString.of(new byte[Math.max(0, neural.payloadBits() - 64)]));
            double neuralEmbedMs = median(() -> neural.embed(argb, working.getWidth(), working.getHeight(), bits));
            double neuralDetectMs = median(() -> neural.detect(argb, working.getWidth(), working.getHeight()));
            neuralCells = String.format(Locale.ROOT, "%.1f | %.1f", neuralEmbedMs, neuralDetectMs);
        }
        out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %s | %s |%n",
                input.name(), megapixels, decodeMs, encodeMs, embedMs, detectMs, unmarkedMs,
                (embedMs + detectMs) / (decodeMs + encodeMs), embedMs / megapixels, detectMs / megapixels,
                found ? "yes" : "NO", neuralCells);
        out.flush();
    }

    /** The image scaled so that its short side is the model's working size: what the model itself processes. */
    private static BufferedImage workingSize(BufferedImage image, NeuralTrack neural) {
        int size = neural.workingSize();
        double scale = Math.min(1.0, (double) size / Math.min(image.getWidth(), image.getHeight()));
        int width = Math.max(8, (int) Math.round(image.getWidth() * scale) / 8 * 8);
        int height = Math.max(8, (int) Math.round(image.getHeight() * scale) / 8 * 8);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** An image file to measure, with its bytes in memory so that decoding is timed without disk access. */
    private record Input(Path path, String name, byte[] bytes) {
    }

    private List<Input> readAll(InputFailures failures) {
        List<Input> inputs = new ArrayList<>();
        for (Path file : files) {
            try {
                inputs.add(new Input(file, file.getFileName().toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                failures.report(file, e);
            }
        }
        return inputs;
    }

    private Input generated(ImageEncoder encoder) {
        BufferedImage image = SyntheticImages.photoLike(GENERATED_WIDTH, GENERATED_HEIGHT, 4, 1);
        return new Input(Path.of("generated"), "generated " + GENERATED_WIDTH + " × " + GENERATED_HEIGHT,
                encoder.encodeJpeg(image, jpegQuality / 100f));
    }

    /** Work whose duration is measured; its result is returned so the JIT cannot drop the call. */
    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private double median(Work work) {
        try {
            Object sink = null;
            for (int i = 0; i < warmup; i++) {
                sink = work.run();
            }
            double[] times = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                sink = work.run();
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            if (sink == null) {
                throw new IllegalStateException("a benchmark run returned no result");
            }
            Arrays.sort(times);
            return iterations % 2 == 1 ? times[iterations / 2] : (times[iterations / 2 - 1] + times[iterations / 2]) / 2;
        } catch (Exception e) {
            throw new IllegalStateException("a benchmark run failed after the first run succeeded: " + e.getMessage(), e);
        }
    }
}
