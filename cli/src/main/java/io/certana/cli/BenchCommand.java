package io.certana.cli;

import io.certana.imaging.cid.ContentIdentifierCalculator;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.pdq.PdqHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code certana bench}: decode, PDQ and CID times per image, as a Markdown table. Each
 * measurement is the median of {@code --iterations} runs after untimed warm-up runs (at least
 * {@code --warmup} runs and {@code --warmup-ms} milliseconds), which let the JIT compile the hot
 * loops first. PDQ is timed on already decoded pixels.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures decode, PDQ and CID times for every image in DIR and prints a Markdown table "
                + "(median milliseconds per operation, single thread).")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "15", description = "Timed runs per operation and image (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--warmup", defaultValue = "10", description = "Minimum untimed runs per operation and image before timing (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--warmup-ms", defaultValue = "1500", description = "Minimum warm-up time per operation and image, in milliseconds, "
            + "so that the JIT has compiled the hot loops before timing starts (default: ${DEFAULT-VALUE}).")
    private long warmupMillis;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Folder of images (default: the current folder). Files that do not decode are listed and skipped.")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        FileFailures failures = new FileFailures(spec.commandLine().getErr());
        if (iterations < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--iterations must be at least 1 and --warmup at least 0");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        ImageDecoder decoder = new ImageDecoder();
        PdqHasher hasher = new PdqHasher();
        ContentIdentifierCalculator cids = new ContentIdentifierCalculator();

        out.printf(Locale.ROOT, "Java %s (%s), %d cores available, warm-up >= %d runs and >= %d ms, %d timed runs, median ms%n%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), warmup, warmupMillis, iterations);
        out.println("| image | pixels | bytes | decode ms | PDQ ms | CID ms |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (Path file : files) {
            byte[] data = Files.readAllBytes(file);
            DecodedImage image;
            try {
                image = decoder.decode(data, DecodeMode.RAW);
            } catch (ImageDecodeException e) {
                failures.report(file, e);
                continue;
            }
            double decodeMs = median(() -> decoder.decode(data, DecodeMode.RAW));
            double pdqMs = median(() -> hasher.hash(image));
            double cidMs = median(() -> cids.compute(data));
            out.printf(Locale.ROOT, "| %s | %d × %d | %d | %.1f | %.1f | %.1f |%n", file.getFileName(),
                    image.width(), image.height(), data.length, decodeMs, pdqMs, cidMs);
            out.flush();
        }
        return failures.exitCode();
    }

    /** Work whose duration is measured; its result is kept so the JIT cannot drop the call. */
    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private double median(Work work) {
        Object sink = null;
        try {
            long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000L;
            for (int i = 0; i < warmup || System.nanoTime() < warmupEnd; i++) {
                sink = work.run();
            }
            double[] times = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                sink = work.run();
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            return iterations % 2 == 1 ? times[iterations / 2] : (times[iterations / 2 - 1] + times[iterations / 2]) / 2;
        } catch (Exception e) {
            throw new IllegalStateException("a benchmark run failed after the first run succeeded", e);
        } finally {
            if (sink == null && iterations > 0) {
                spec.commandLine().getErr().println("certana: benchmark produced no result");
            }
        }
    }
}
