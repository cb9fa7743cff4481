package io.certana.cli.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.client.CertanaClientException;
import io.certana.imaging.attack.Attacks;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;

/**
 * The main job end to end, through the public API: register photographs, download their
 * watermarked outputs, make altered copies of them, verify every copy and every unrelated photo,
 * and compare each verdict with the one expected.
 *
 * <p>Expected verdicts follow the verification rules: the registered output itself and its benign
 * copies (JPEG 50, resize to half, 10 % crop, 5° rotation, a screenshot-like rescale) are
 * authentic and name their asset; a pasted sticker and a region spliced from another photo are
 * forged and name the asset they were made from; a photo that was never registered is unknown.
 */
public final class DemoScenario {

    /** A verdict of the verify API. */
    public enum Verdict {
        AUTHENTIC, FORGED, UNKNOWN;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One registered photo. */
    public record Registration(Path photo, UUID assetId, String status, long millis) {
    }

    /**
     * One verified file with the verdict expected and the one returned. {@code expectedAsset} is
     * null for copies that should match nothing.
     */
    public record Check(String photo, String copy, Path file, Verdict expected, UUID expectedAsset, String verdict,
            double confidence, String rule, UUID matchedAsset, long millis, String error) {

        /** Returns whether the verdict, and for authentic and forged the matched asset, are the expected ones. */
        public boolean passed() {
            if (error != null || !expected.wireName().equals(verdict)) {
                return false;
            }
            return expectedAsset == null || expectedAsset.equals(matchedAsset);
        }
    }

    /** The outcome of a run. */
    public record Report(List<Registration> registrations, List<Check> checks) {

        /** Returns whether every photo registered and every verdict is the expected one. */
        public boolean passed() {
            return registrations.stream().allMatch(registration -> "completed".equals(registration.status()))
                    && checks.stream().allMatch(Check::passed);
        }
    }

    private static final ImageDecoder DECODER = new ImageDecoder();

    private final CertanaClient client;
    private final Path copiesDirectory;
    private final Duration processingTimeout;
    private final PrintStream progress;

    /**
     * @param copiesDirectory where the watermarked downloads and altered copies are written, one
     *     folder per photo, so they can be opened or verified again later
     */
    public DemoScenario(CertanaClient client, Path copiesDirectory, Duration processingTimeout, PrintStream progress) {
        this.client = client;
        this.copiesDirectory = copiesDirectory;
        this.processingTimeout = processingTimeout;
        this.progress = progress;
    }

    /**
     * Registers {@code photos}, verifies their copies and the {@code unrelated} photos. A splice takes
     * its pasted region from the next photo of the list (cyclically) that decodes, then from the
     * unrelated photos.
     */
    public Report run(List<Path> photos, List<Path> unrelated) throws IOException, InterruptedException {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("The demo needs at least one photo to register");
        }
        List<Registration> registrations = new ArrayList<>();
        for (Path photo : photos) {
            registrations.add(register(photo));
        }

        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            Registration registration = registrations.get(i);
            if (!"completed".equals(registration.status())) {
                continue;
            }
            List<Path> donors = new ArrayList<>();
            for (int next = 1; next < photos.size(); next++) {
                donors.add(photos.get((i + next) % photos.size()));
            }
            donors.addAll(unrelated);
            checks.addAll(verifyCopies(registration, donors));
        }
        for (Path photo : unrelated) {
            checks.add(verify(photo.getFileName().toString(), "unrelated", photo, Verdict.UNKNOWN, null));
        }
        return new Report(registrations, checks);
    }

    private Registration register(Path photo) throws InterruptedException {
        long start = System.nanoTime();
        progress.printf("Registering %s ...%n", photo.getFileName());
        try {
            io.certana.cli.client.Registration accepted = client.upload(photo, photo.getFileName().toString());
            UUID id = accepted.id();
            JsonNode asset = client.awaitProcessed(id, processingTimeout);
            String status = asset.path("processingStatus").asText();
            if (accepted.existing()) {
                progress.printf("  %s: already registered as asset %s (an earlier run)%n", photo.getFileName(), id);
            }
            if (!"completed".equals(status)) {
                progress.printf("  %s: processing %s: %s%n", photo.getFileName(), status,
                        asset.path("processingError").asText("no error given"));
            }
            return new Registration(photo, id, status, elapsedMillis(start));
        } catch (CertanaClientException e) {
            progress.printf("  %s: registration failed: %s%n", photo.getFileName(), e.getMessage());
            return new Registration(photo, null, "failed", elapsedMillis(start));
        }
    }

    /**
     * Verifies the registered output and its copies. The splice takes its region from the first of
     * {@code donors} that decodes.
     */
    private List<Check> verifyCopies(Registration registration, List<Path> donors)
            throws IOException, InterruptedException {
        String name = registration.photo().getFileName().toString();
        Path folder = copiesDirectory.resolve(stem(name));
        Files.createDirectories(folder);

        Path watermarkedFile;
        BufferedImage marked;
        try {
            CertanaClient.Download download = client.watermarked(registration.assetId());
            watermarkedFile = folder.resolve("registered" + extension(download.mediaType()));
            Files.write(watermarkedFile, download.bytes());
            marked = decode(watermarkedFile);
        } catch (CertanaClientException | ImageDecodeException e) {
            return List.of(failed(name, "registered", registration, e.getMessage()));
        }

        List<Attacks.Copy> benign = List.of(
                Attacks.jpeg(marked, 50),
                Attacks.resize(marked, 0.5),
                Attacks.centreCrop(marked, 0.90),
                Attacks.rotate(marked, 5),
                Attacks.screenshot(marked, 1280));
        List<Attacks.Copy> edited = new ArrayList<>();
        edited.add(Attacks.sticker(marked, 0.10));
        BufferedImage donor = null;
        for (Path candidate : donors) {
            try {
                donor = decode(candidate);
                break;
            } catch (ImageDecodeException e) {
                progress.printf("  %s: %s does not decode, so the splice takes its region from another photo: %s%n",
                        name, candidate.getFileName(), e.getMessage());
            }
        }
        if (donor != null) {
            edited.add(Attacks.paste(marked, donor, 0.10, 0.35, 0.45));
        }

        List<Check> checks = new ArrayList<>();
        checks.add(verify(name, "registered", watermarkedFile, Verdict.AUTHENTIC, registration.assetId()));
        for (Attacks.Copy copy : benign) {
            checks.add(verify(name, copy.name(), write(folder, copy), Verdict.AUTHENTIC, registration.assetId()));
        }
        for (Attacks.Copy copy : edited) {
            checks.add(verify(name, copy.name(), write(folder, copy), Verdict.FORGED, registration.assetId()));
        }
        if (donor == null) {
            checks.add(new Check(name, "paste10", null, Verdict.FORGED, registration.assetId(), null, 0, null, null, 0,
                    "no splice: no other photo decodes to take a region from"));
        }
        return checks;
    }

    private Check verify(String photo, String copy, Path file, Verdict expected, UUID expectedAsset)
            throws InterruptedException {
        long start = System.nanoTime();
        try {
            JsonNode answer = client.verify(file);
            String matched = answer.path("matchedAsset").path("id").asText(null);
            return new Check(photo, copy, file, expected, expectedAsset, answer.path("verdict").asText(),
                    answer.path("confidence").asDouble(), answer.path("rule").asText(null),
                    matched == null ? null : UUID.fromString(matched), elapsedMillis(start), null);
        } catch (CertanaClientException e) {
            return new Check(photo, copy, file, expected, expectedAsset, null, 0, null, null, elapsedMillis(start),
                    e.getMessage());
        }
    }

    private static Check failed(String photo, String copy, Registration registration, String error) {
        return new Check(photo, copy, null, Verdict.AUTHENTIC, registration.assetId(), null, 0, null, null, 0, error);
    }

    private static Path write(Path folder, Attacks.Copy copy) throws IOException {
        Path file = folder.resolve(copy.name() + extension(copy.mediaType()));
        Files.write(file, copy.bytes());
        return file;
    }

    private static String extension(String mediaType) {
        return switch (mediaType == null ? "" : mediaType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/tiff" -> ".tif";
            default -> ".img";
        };
    }

    private static BufferedImage decode(Path file) throws IOException, ImageDecodeException {
        return DECODER.decode(file, DecodeMode.ORIENTED).image();
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
