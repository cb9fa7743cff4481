package io.certana.cli.watermark;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.decode.IntImages;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.NeuralModelSettings;
import io.certana.watermark.Track;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkException;
import io.certana.watermark.WatermarkSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code certana watermark fpr}: measures false detections on unmarked images and on images marked
 * with another key, and prints per track the count of images and detections and the distribution
 * of the detectors' statistics. A measurement command: minutes on a thousand images.
 */
@Command(
        name = "fpr",
        mixinStandardHelpOptions = true,
        description = {
                "Runs detection on unmarked images and their edited copies (crops of three sizes at three offsets, "
                        + "rescales, rotations, a mirror image, JPEG 90/75/50) and on images marked with another key, "
                        + "and prints a Markdown table per track: images, detections (expected 0) and the distribution "
                        + "of the best sync z-score and decoder margins.",
                "Sources: python3-skimage's photos (when installed), the images in each DIR, and generated "
                        + "photo-like images, noise and textures tiled at Track B's own periods. Fixed survey keys make "
                        + "runs reproducible. Exits with 1 when any detection occurred.",
        })
public final class FalsePositiveCommand implements Callable<Integer> {

    /** Photos that python3-skimage installs. */
    static final Path SKIMAGE_DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    private static final byte[] SURVEY_KEY = "certana-false-positive-survey-key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "certana-false-positive-other-key".getBytes(StandardCharsets.UTF_8);
    /** File names taken from source folders. */
    private static final String IMAGE_NAME = ".*\\.(png|jpg|jpeg|webp|bmp|tif|tiff|gif)$";

    @ParentCommand
    private WatermarkCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--skimage", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Include python3-skimage's photos from /usr/lib/python3/dist-packages/skimage/data (default: on).")
    private boolean skimage;

    @Option(names = "--generated", defaultValue = "24", paramLabel = "N",
            description = "Generated source images: photo-like, noise and tiled textures in turn (default: ${DEFAULT-VALUE}).")
    private int generated;

    @Option(names = "--other-key", defaultValue = "40", paramLabel = "N",
            description = "Source images also marked with another key, each detected as marked and after a crop, "
                    + "a rotation and JPEG 75 (default: ${DEFAULT-VALUE}).")
    private int otherKey;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Track C model folder, as for embed; wins over " + EngineOptions.MODEL_VARIABLE + ".")
    private Path modelDir;

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Further folders of source images (files that do not decode are skipped).")
    private List<Path> folders = new ArrayList<>();

    /** Statistics of one group of images. */
    private static final class Group {
        final String name;
        int images;
        int tooSmall;
        final Map<Track, Integer> detections = new LinkedHashMap<>();
        final List<Double> syncZ = new ArrayList<>();
        final List<Double> searchZ = new ArrayList<>();
        final List<Double> trackBAgreement = new ArrayList<>();
        final List<Double> trackAAgreement = new ArrayList<>();
        final List<Double> trackCMargin = new ArrayList<>();
        final List<Double> millis = new ArrayList<>();
        final List<String> detected = new ArrayList<>();

        Group(String name) {
            this.name = name;
            for (Track track : Track.values()) {
                detections.put(track, 0);
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        if (generated < 0 || otherKey < 0) {
            throw new CommandLine.ParameterException(commandLine, "--generated and --other-key must not be negative");
        }
        Optional<NeuralModelSettings> model = EngineOptions.model(commandLine, modelDir, parent.environment());
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        List<Source> sources = sources(err);
        Group unmarked = new Group("unmarked");
        Group other = new Group("other key");
        long start = System.nanoTime();
        WatermarkSettings settings = WatermarkSettings.withKey(SURVEY_KEY);
        try (WatermarkEngine engine = new WatermarkEngine(model.map(settings::withNeuralModel).orElse(settings));
             WatermarkEngine marker = new WatermarkEngine(WatermarkSettings.withKey(OTHER_KEY))) {
            for (int s = 0; s < sources.size(); s++) {
                Source source = sources.get(s);
                BufferedImage image = source.load();
                for (Variants.Variant variant : Variants.all()) {
                    survey(engine, unmarked, source.name() + "/" + variant.name(), () -> variant.edit().apply(image));
                }
                if (s < otherKey && Math.min(image.getWidth(), image.getHeight()) >= WatermarkEngine.MIN_SHORT_SIDE) {
                    BufferedImage marked = marker.embed(image, 0x0123456789abcdefL + s, EnumSet.of(Track.A, Track.B)).marked();
                    for (Variants.Variant variant : Variants.otherKey()) {
                        survey(engine, other, source.name() + "/other-key/" + variant.name(), () -> variant.edit().apply(marked));
                    }
                }
                err.printf(Locale.ROOT, "certana: fpr: %d/%d sources, %d images%n", s + 1, sources.size(),
                        unmarked.images + other.images);
                err.flush();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report(out, List.of(unmarked, other), sources.size(), seconds, model.isPresent());
        boolean any = Stream.of(unmarked, other).anyMatch(g -> !g.detected.isEmpty());
        return any ? io.certana.cli.CertanaCommand.EXIT_FAILED_INPUT : io.certana.cli.CertanaCommand.EXIT_OK;
    }

    /** Supplies an edited image; edits run lazily so that only one image is held at a time. */
    @FunctionalInterface
    private interface ImageSupplier {
        BufferedImage get();
    }

    private static void survey(WatermarkEngine engine, Group group, String name, ImageSupplier supplier) {
        BufferedImage image = supplier.get();
        if (Math.min(image.getWidth(), image.getHeight()) < WatermarkEngine.MIN_SHORT_SIDE) {
            group.tooSmall++;
            return;
        }
        long start = System.nanoTime();
        DetectionResult result;
        try {
            result = engine.detect(image);
        } catch (WatermarkException e) {
            group.tooSmall++;
            return;
        }
        group.millis.add((System.nanoTime() - start) / 1e6);
        group.images++;
        for (Track track : Track.values()) {
            if (result.track(track).detected()) {
                group.detections.merge(track, 1, Integer::sum);
                group.detected.add(name + " (Track " + track + ")");
            }
        }
        DetectionResult.Evidence evidence = result.evidence();
        group.syncZ.add(evidence.trackBSyncZ());
        if (!Double.isNaN(evidence.trackBSearchZ())) {
            group.searchZ.add(evidence.trackBSearchZ());
        }
        group.trackBAgreement.add(evidence.trackBCodeAgreement());
        if (!Double.isNaN(evidence.trackACodeAgreement())) {
            group.trackAAgreement.add(evidence.trackACodeAgreement());
        }
        if (!Double.isNaN(evidence.trackCMargin())) {
            group.trackCMargin.add(evidence.trackCMargin());
        }
    }

    private void report(PrintWriter out, List<Group> groups, int sources, double seconds, boolean neural) {
        out.printf(Locale.ROOT, "%d source images, %d detections run in %.0f s (%d variants too small to mark skipped)%n%n",
                sources, groups.stream().mapToInt(g -> g.images).sum(), seconds,
                groups.stream().mapToInt(g -> g.tooSmall).sum());
        out.println("| group | track | images | detections | statistic | min | median | 99th pct | max |");
        out.println("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        for (Group group : groups) {
            row(out, group, Track.B, "best sync z-score (decoded hypotheses)", group.syncZ);
            row(out, group, Track.B, "coarse sync z-score (searches)", group.searchZ);
            row(out, group, Track.B, "code-bit agreement, best list candidate", group.trackBAgreement);
            row(out, group, Track.A, "code-bit agreement, best list candidate", group.trackAAgreement);
            if (neural) {
                row(out, group, Track.C, "mean decoder margin", group.trackCMargin);
            }
            out.printf(Locale.ROOT, "| %s | all | %d | | detection time, ms | %s |%n", group.name, group.images,
                    distribution(group.millis));
        }
        for (Group group : groups) {
            for (String detection : group.detected) {
                out.println("false detection: " + group.name + ": " + detection);
            }
        }
        out.flush();
    }

    private static void row(PrintWriter out, Group group, Track track, String statistic, List<Double> values) {
        out.printf(Locale.ROOT, "| %s | %s | %d | %d | %s | %s |%n", group.name, track, group.images,
                group.detections.get(track), statistic, distribution(values));
    }

    /** min | median | 99th percentile | max, or dashes when there are no values. */
    static String distribution(List<Double> values) {
        if (values.isEmpty()) {
            return "– | – | – | –";
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%.3f | %.3f | %.3f | %.3f", sorted[0], percentile(sorted, 0.5),
                percentile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A source image: a file, or a generated image made on demand. */
    private record Source(String name, Path file, int generatedIndex) {

        BufferedImage load() {
            if (file == null) {
                return generate(generatedIndex);
            }
            try {
                return new ImageDecoder().decode(file, DecodeMode.ORIENTED).image();
            } catch (ImageDecodeException | IOException e) {
                throw new IllegalStateException("source image stopped decoding: " + file, e);
            }
        }
    }

    private List<Source> sources(PrintWriter err) throws IOException {
        List<Path> folderList = new ArrayList<>();
        if (skimage && Files.isDirectory(SKIMAGE_DATA)) {
            folderList.add(SKIMAGE_DATA);
        }
        folderList.addAll(folders);
        List<Source> sources = new ArrayList<>();
        ImageDecoder decoder = new ImageDecoder();
        for (Path folder : folderList) {
            if (!Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Source folder not found: " + folder);
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(IMAGE_NAME))
                        .sorted().toList();
            }
            for (Path file : files) {
                // Sources must decode and be large enough to mark; their smaller edits are skipped later.
                try {
                    BufferedImage image = decoder.decode(file, DecodeMode.ORIENTED).image();
                    if (Math.min(image.getWidth(), image.getHeight()) >= WatermarkEngine.MIN_SHORT_SIDE) {
                        sources.add(new Source(folder.getFileName() + "/" + file.getFileName(), file, -1));
                    }
                } catch (ImageDecodeException e) {
                    err.println("certana: fpr: skipping " + file + ": " + e.getMessage());
                }
            }
        }
        for (int i = 0; i < generated; i++) {
            sources.add(new Source("generated/" + generatedName(i), null, i));
        }
        return sources;
    }

    private static String generatedName(int index) {
        return switch (index % 4) {
            case 0 -> "photo-like-" + index;
            case 1 -> "noise-" + index;
            case 2 -> "tiled-128-" + index;
            default -> "tiled-" + (index % 8 == 3 ? 64 : 256) + "-" + index;
        };
    }

    /**
     * Generates source i: a photo-like image, uniform noise, or a random texture tiled with a
     * period of 128 px (Track B's tile period at factor 1), 64 px or 256 px. Tiled content is the
     * most likely to mimic a periodic watermark's synchronisation.
     */
    static BufferedImage generate(int index) {
        Random random = new Random(1000L + index);
        int width = 384 + 64 * random.nextInt(16);
        int height = 256 + 64 * random.nextInt(10);
        return switch (index % 4) {
            case 0 -> SyntheticImages.photoLike(width, height, 2 + random.nextInt(8), index);
            case 1 -> SyntheticImages.noise(width, height, random.nextBoolean(), index);
            case 2 -> tiled(width, height, 128, index);
            default -> tiled(width, height, index % 8 == 3 ? 64 : 256, index);
        };
    }

    /** A photo-like tile of {@code period} pixels repeated over the image, plus fresh noise. */
    private static BufferedImage tiled(int width, int height, int period, long seed) {
        BufferedImage tile = SyntheticImages.photoLike(period, period, 12, seed);
        int[] tilePixels = tile.getRGB(0, 0, period, period, null, 0, period);
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = tilePixels[(y % period) * period + x % period];
                int n = (int) Math.round(random.nextGaussian() * 2);
                int r = Math.max(0, Math.min(255, ((p >> 16) & 0xff) + n));
                int g = Math.max(0, Math.min(255, ((p >> 8) & 0xff) + n));
                int b = Math.max(0, Math.min(255, (p & 0xff) + n));
                pixels[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        return IntImages.wrap(pixels, width, height, false);
    }
}
