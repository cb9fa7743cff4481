package io.certana.watermark;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Command backend for the watermark evaluation harness, run from the test classpath:
 * {@code embed IN OUT PAYLOAD_HEX [TRACKS]} and {@code detect-batch LIST_FILE}, which prints
 * {@code <path>\t<Track B payload hex or ->} per file. The key comes from CERTANA_WATERMARK_KEY
 * (a fixed evaluation key when unset). Set WM_VERBOSE=1 for per-file details on stderr.
 */
public final class EvaluationMain {

    private EvaluationMain() {
    }

    public static void main(String[] args) throws IOException {
        String key = System.getenv().getOrDefault("CERTANA_WATERMARK_KEY", "certana-evaluation-key-0001");
        WatermarkSettings settings = WatermarkSettings.withKey(key.getBytes(StandardCharsets.UTF_8));
        String models = System.getenv("CERTANA_WATERMARK_MODEL_DIR");
        if (models != null) {
            settings = settings.withNeuralModel(NeuralModelSettings.rivaGan(Path.of(models), 256));
        }
        WatermarkEngine engine = new WatermarkEngine(settings);
        boolean verbose = "1".equals(System.getenv("WM_VERBOSE"));
        if (args.length >= 4 && args[0].equals("embed")) {
            Set<Track> tracks = args.length > 4 ? parseTracks(args[4]) : EnumSet.of(Track.A, Track.B);
            BufferedImage image = ImageIO.read(new File(args[1]));
            EmbedResult result = engine.embed(image, Long.parseUnsignedLong(args[3], 16), tracks);
            ImageIO.write(result.marked(), "png", new File(args[2]));
            System.out.printf(Locale.ROOT, "psnr %.2f %s%n", result.psnrDb(), result.quality());
        } else if (args.length == 2 && args[0].equals("detect-batch")) {
            List<String> files = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
            for (String file : files) {
                if (file.isBlank()) {
                    continue;
                }
                String hex = "-";
                long start = System.nanoTime();
                try {
                    BufferedImage image = ImageIO.read(new File(file));
                    DetectionResult result = engine.detect(image);
                    TrackDetection b = result.track(Track.B);
                    if (b.detected()) {
                        hex = String.format("%016x", b.payload().getAsLong());
                    }
                    if (verbose) {
                        String tamper = result.tamperMap().map(m -> "global=" + m.globalChange() + " regions="
                                + m.regions().subList(0, Math.min(3, m.regions().size()))).orElse("no map");
                        System.err.printf(Locale.ROOT, "%s %s %s %.0fms%n", file, result.tracks(), tamper,
                                (System.nanoTime() - start) / 1e6);
                    }
                } catch (RuntimeException | IOException e) {
                    System.err.println(file + ": " + e);
                }
                System.out.println(file + "\t" + hex);
            }
        } else {
            System.err.println("usage: embed IN OUT PAYLOAD_HEX [a,b,c] | detect-batch LIST_FILE");
            System.exit(2);
        }
    }

    private static Set<Track> parseTracks(String list) {
        Set<Track> tracks = EnumSet.noneOf(Track.class);
        for (String name : list.split(",")) {
            tracks.add(Track.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        return tracks;
    }
}
