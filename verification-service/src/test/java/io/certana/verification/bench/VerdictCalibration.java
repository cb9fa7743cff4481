package io.certana.verification.bench;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.encode.ImageEncoder;
import io.certana.imaging.pdq.DihedralHashes;
import io.certana.imaging.pdq.Hash256;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.imaging.attack.Attacks;
import io.certana.verification.imaging.TamperRegions;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.TamperMap;
import io.certana.watermark.Track;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkSettings;

/**
 * Measures what the verdict thresholds in docs/verification.md are chosen from: for every photo in
 * the given folders it marks Tracks A and B as asset-service does (JPEG 92 output for JPEG inputs,
 * PNG otherwise), applies the attacks of {@link Attacks}, and prints per attack the smallest PDQ
 * distance (over the eight dihedral variants) to the registered output's hash, whether Track B
 * returned the payload, and Track A's tamper map (global change, largest region in blocks). The
 * same attacks on the unmarked photo give the distances of fingerprint-only matches, and pairs of
 * different photos give the distances of unrelated content.
 *
 * <p>Not a test: run it by hand, for example
 * {@code java -cp <test classpath> io.certana.verification.bench.VerdictCalibration DIR...}.
 */
public final class VerdictCalibration {

    private static final byte[] KEY = "calibration-key-not-secret".getBytes(StandardCharsets.UTF_8);
    /** The defaults of certana.verification.verdict.tamper-min-blocks and tamper-max-background. */
    private static final int MIN_BLOCKS = 12;
    private static final double MAX_BACKGROUND = 0.05;

    private record Row(String photo, String attack, boolean marked, int pdqDistance, int quality, boolean trackB,
            boolean payloadRight, boolean trackA, boolean tamperMap, boolean globalChange, int largestBlocks,
            int regions, double editedCovered, double background, boolean localEdit) {
    }

    private VerdictCalibration() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: VerdictCalibration DIR... (folders of photos)");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            try (Stream<Path> list = Files.list(Path.of(arg))) {
                list.filter(path -> path.toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
                        .sorted().forEach(files::add);
            }
        }
        ImageDecoder decoder = new ImageDecoder();
        ImageEncoder encoder = new ImageEncoder();
        PdqHasher hasher = new PdqHasher();
        List<Row> rows = new ArrayList<>();
        Map<String, BufferedImage> originals = new LinkedHashMap<>();
        Map<String, DihedralHashes> originalHashes = new LinkedHashMap<>();
        try (WatermarkEngine engine = new WatermarkEngine(WatermarkSettings.withKey(KEY))) {
            for (Path file : files) {
                DecodedImage decoded;
                try {
                    decoded = decoder.decode(Files.readAllBytes(file), DecodeMode.ORIENTED);
                } catch (ImageDecodeException e) {
                    System.err.println(file + ": " + e.getMessage());
                    continue;
                }
                if (Math.min(decoded.width(), decoded.height()) < WatermarkEngine.MIN_SHORT_SIDE) {
                    continue;
                }
                originals.put(file.getFileName().toString(), decoded.image());
            }
            List<String> names = new ArrayList<>(originals.keySet());
            for (int index = 0; index < names.size(); index++) {
                String name = names.get(index);
                BufferedImage original = originals.get(name);
                BufferedImage donor = originals.get(names.get((index + 1) % names.size()));
                long payload = new Random(name.hashCode()).nextLong();
                BufferedImage marked = engine.embed(original, payload, EnumSet.of(Track.A, Track.B)).marked();
                boolean jpeg = name.toLowerCase(Locale.ROOT).matches(".*\\.jpe?g$");
                byte[] output = jpeg ? encoder.encodeJpeg(marked, 0.92f) : encoder.encodePng(marked);
                DecodedImage stored = decoder.decode(output, DecodeMode.RAW);
                Hash256 registered = hasher.hash(stored).hash();
                BufferedImage markedImage = stored.image();
                originalHashes.put(name, hasher.hashDihedral(original));

                for (Map.Entry<String, Function<BufferedImage, Attacks.Copy>> attack : attacks(donor).entrySet()) {
                    rows.add(measure(name, attack.getKey(), true, attack.getValue().apply(markedImage), registered,
                            payload, engine, decoder, hasher));
                    rows.add(measure(name, attack.getKey(), false, attack.getValue().apply(original), registered,
                            payload, engine, decoder, hasher));
                }
                System.err.println("measured " + name);
            }
            print(rows);
            printUnrelated(originalHashes);
        }
    }

    private static Map<String, Function<BufferedImage, Attacks.Copy>> attacks(BufferedImage donor) {
        Map<String, Function<BufferedImage, Attacks.Copy>> attacks = new LinkedHashMap<>();
        attacks.put("identity", image -> Attacks.jpeg(image, 95));
        attacks.put("jpeg75", image -> Attacks.jpeg(image, 75));
        attacks.put("jpeg50", image -> Attacks.jpeg(image, 50));
        attacks.put("resize50", image -> Attacks.resize(image, 0.5));
        attacks.put("resizeback50", image -> Attacks.resizeBack(image, 0.5));
        attacks.put("crop10", image -> Attacks.centreCrop(image, 0.90));
        attacks.put("crop25", image -> Attacks.centreCrop(image, 0.75));
        attacks.put("rot2", image -> Attacks.rotate(image, 2));
        attacks.put("rot5", image -> Attacks.rotate(image, 5));
        attacks.put("bright120", image -> Attacks.brightness(image, 1.2));
        attacks.put("contrast130", image -> Attacks.contrast(image, 1.3));
        attacks.put("contrast70", image -> Attacks.contrast(image, 0.7));
        attacks.put("noise5", image -> Attacks.noise(image, 5, 1));
        attacks.put("screenshot1280", image -> Attacks.screenshot(image, 1280));
        attacks.put("hflip", Attacks::horizontalFlip);
        attacks.put("sticker10", image -> Attacks.sticker(image, 0.10));
        attacks.put("sticker3", image -> Attacks.sticker(image, 0.03));
        attacks.put("paste10", image -> Attacks.paste(image, donor, 0.10, 0.35, 0.4));
        attacks.put("paste4", image -> Attacks.paste(image, donor, 0.04, 0.5, 0.5));
        return attacks;
    }

    private static Row measure(String photo, String attack, boolean marked, Attacks.Copy copy, Hash256 registered,
            long payload, WatermarkEngine engine, ImageDecoder decoder, PdqHasher hasher) throws ImageDecodeException {
        DecodedImage image = decoder.decode(copy.bytes(), DecodeMode.ORIENTED);
        DihedralHashes hashes = hasher.hashDihedral(image);
        int distance = hashes.all().stream().mapToInt(hash -> hash.hammingDistance(registered)).min().orElseThrow();
        DetectionResult detection = engine.detect(image.image());
        boolean trackB = detection.track(Track.B).detected();
        boolean right = trackB && detection.track(Track.B).payload().getAsLong() == payload;
        TamperMap map = detection.tamperMap().orElse(null);
        int largest = map == null || map.regions().isEmpty() ? 0 : map.regions().get(0).blocks();
        // Tampered blocks outside the regions of at least MIN_BLOCKS, as a share of the scored
        // blocks: the background that the local-edit rule compares with MAX_BACKGROUND.
        double background = Double.NaN;
        boolean localEdit = false;
        if (map != null) {
            TamperRegions.Summary summary = TamperRegions.summarise(map);
            int inRegions = summary.regions().stream().filter(region -> region.blocks() >= MIN_BLOCKS)
                    .mapToInt(TamperRegions.Region::blocks).sum();
            background = summary.scoredBlocks() == 0 ? Double.NaN
                    : (double) Math.max(0, summary.tamperedBlocks() - inRegions) / summary.scoredBlocks();
            localEdit = !map.globalChange() && inRegions > 0 && background <= MAX_BACKGROUND;
        }
        double covered = Double.NaN;
        if (map != null && copy.editedArea() != null && !map.regions().isEmpty()) {
            TamperMap.Region region = map.regions().get(0);
            java.awt.Rectangle box = new java.awt.Rectangle(region.x(), region.y(), region.width(), region.height());
            java.awt.Rectangle overlap = box.intersection(copy.editedArea());
            covered = overlap.isEmpty() ? 0
                    : (double) overlap.width * overlap.height / (copy.editedArea().width * copy.editedArea().height);
        }
        return new Row(photo, attack, marked, distance, hashes.quality(), trackB, right,
                detection.track(Track.A).detected(), map != null, map != null && map.globalChange(), largest,
                map == null ? 0 : map.regions().size(), covered, background, localEdit);
    }

    private static void print(List<Row> rows) {
        System.out.println("photo\tattack\tmarked\tpdq_distance\tquality\ttrack_b\tpayload_right\ttrack_a\ttamper_map"
                + "\tglobal_change\tlargest_region_blocks\tregions\tedited_area_in_largest_region"
                + "\tbackground\tlocal_edit");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%.2f\t%.3f\t%s%n", row.photo(),
                    row.attack(), row.marked(), row.pdqDistance(), row.quality(), row.trackB(), row.payloadRight(),
                    row.trackA(), row.tamperMap(), row.globalChange(), row.largestBlocks(), row.regions(),
                    row.editedCovered(), row.background(), row.localEdit());
        }
        System.out.println();
        System.out.println("| attack | copies | marked: max PDQ distance | marked: payload read | marked: global change"
                + " | marked: largest region, max blocks | marked: local edit found | unmarked: PDQ distance |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Map<String, List<Row>> byAttack = new LinkedHashMap<>();
        rows.forEach(row -> byAttack.computeIfAbsent(row.attack(), key -> new ArrayList<>()).add(row));
        for (Map.Entry<String, List<Row>> entry : byAttack.entrySet()) {
            List<Row> marked = entry.getValue().stream().filter(Row::marked).toList();
            List<Row> unmarked = entry.getValue().stream().filter(row -> !row.marked()).toList();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d (min %d) | %d | %d to %d |%n", entry.getKey(),
                    marked.size(), marked.stream().mapToInt(Row::pdqDistance).max().orElse(-1),
                    marked.stream().filter(Row::payloadRight).count(),
                    marked.stream().filter(Row::globalChange).count(),
                    marked.stream().mapToInt(Row::largestBlocks).max().orElse(-1),
                    marked.stream().mapToInt(Row::largestBlocks).min().orElse(-1),
                    marked.stream().filter(Row::localEdit).count(),
                    unmarked.stream().mapToInt(Row::pdqDistance).min().orElse(-1),
                    unmarked.stream().mapToInt(Row::pdqDistance).max().orElse(-1));
        }
    }

    private static void printUnrelated(Map<String, DihedralHashes> hashes) {
        List<Integer> distances = new ArrayList<>();
        List<String> names = new ArrayList<>(hashes.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Hash256 other = hashes.get(names.get(j)).original();
                distances.add(hashes.get(names.get(i)).all().stream()
                        .mapToInt(hash -> hash.hammingDistance(other)).min().orElseThrow());
            }
        }
        distances.sort(Comparator.naturalOrder());
        if (!distances.isEmpty()) {
            System.out.printf(Locale.ROOT, "%nunrelated pairs: %d, smallest PDQ distance over dihedral variants %d, "
                    + "median %d%n", distances.size(), distances.get(0), distances.get(distances.size() / 2));
        }
    }
}
