package io.certana.verification.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.encode.ImageEncoder;
import io.certana.testing.IdentityService;
import io.certana.testing.ServiceProcess;
import io.certana.testing.TestImages;

/**
 * Measures verify latency through the packaged services against decoding the same file, and prints
 * a Markdown table. It starts identity-service, asset-service (quotas off) and verification-service
 * as processes on 127.0.0.1 against {@code certana_test}, registers a 12-megapixel and a
 * 1-megapixel JPEG, and verifies a JPEG 90 copy of each watermarked output: p50 and p95 of the
 * client's round trip, next to the median decode time of the same bytes in this JVM, and the
 * server's own step times from the verification log. The unmarked rows verify a mirror image of
 * the photo without a watermark, where Track B's search runs in full.
 *
 * <p>Run it with {@code verification-service/bench/verify-bench.sh [PHOTO]}. Options (system
 * properties): {@code bench.warmup} (verifications per file before measuring, default 15) and
 * {@code bench.runs} (measured verifications per file, default 40).
 */
public final class VerifyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTERNAL_TOKEN = "bench-internal-token-not-secret";
    private static final String WATERMARK_KEY = "bench-watermark-key-not-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ImageDecoder decoder = new ImageDecoder();
    private final ImageEncoder encoder = new ImageEncoder();
    private URI asset;
    private URI verification;
    private String apiKey;

    private record Suspect(String name, double megapixels, byte[] bytes) {
    }

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage photo = args.length > 0 ? new ImageDecoder().decode(Files.readAllBytes(Path.of(args[0])),
                DecodeMode.ORIENTED).image() : TestImages.gradient(4288, 2848, 12);
        new VerifyBenchmark().run(photo, args.length > 0 ? Path.of(args[0]).getFileName().toString() : "generated");
    }

    private void run(BufferedImage photo, String photoName) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 15);
        int runs = Integer.getInteger("bench.runs", 40);
        Path logs = Files.createDirectories(Path.of("target", "bench"));
        try (IdentityService identity = IdentityService.start(INTERNAL_TOKEN, logs.resolve("identity-service.log"));
                ServiceProcess assetService = startAsset(identity, logs);
                ServiceProcess verificationService = startVerification(identity, assetService, logs)) {
            asset = assetService.baseUri();
            verification = verificationService.baseUri();
            IdentityService.Account owner = identity.newAccount("bench");
            UUID organization = identity.createOrganization(owner.accessToken(), "Verify bench " + UUID.randomUUID());
            apiKey = identity.createApiKey(owner.accessToken(), organization, List.of("read", "write", "verify"));

            BufferedImage small = scaled(photo, 1_000_000);
            List<Suspect> suspects = new ArrayList<>();
            suspects.add(registeredCopy(photoName + " (copy of output)", photo));
            suspects.add(registeredCopy(photoName + " 1 MP (copy of output)", small));
            suspects.add(new Suspect(photoName + ", unmarked mirror image", megapixels(photo),
                    encoder.encodeJpeg(flipped(photo), 0.90f)));
            suspects.add(new Suspect(photoName + " 1 MP, unmarked mirror image", megapixels(small),
                    encoder.encodeJpeg(flipped(small), 0.90f)));

            System.out.println("| image | MP | bytes | decode p50 ms | verify p50 ms | verify p95 ms | p50 / decode "
                    + "| server decode | detect | PDQ | match | server total |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Suspect suspect : suspects) {
                measure(suspect, warmup, runs);
            }
        }
    }

    private ServiceProcess startAsset(IdentityService identity, Path logs) throws IOException {
        Path storage = Files.createTempDirectory("certana-bench-assets");
        return ServiceProcess.jar("asset-service", Path.of(System.getProperty("certana.asset.jar")))
                .property("quarkus.profile", "test")
                .property("mp.jwt.verify.publickey.location",
                        IdentityService.testKeyFolder().resolve("public.pem").toString())
                .property("certana.internal.token", INTERNAL_TOKEN)
                .property("certana.internal.identity-url", identity.baseUri().toString())
                .property("certana.watermark.key", WATERMARK_KEY)
                .property("certana.asset.storage.root", storage.toString())
                .property("certana.asset.quota.enabled", "false")
                .property("quarkus.log.category.\"io.certana\".level", "INFO")
                .environment("CERTANA_DB_PASSWORD", System.getenv().getOrDefault("CERTANA_DB_PASSWORD", "certana-dev"))
                .jvmOption("-Xmx2g")
                .logFile(logs.resolve("asset-service.log"))
                .start();
    }

    private ServiceProcess startVerification(IdentityService identity, ServiceProcess assetService, Path logs) {
        return ServiceProcess.jar("verification-service", Path.of(System.getProperty("certana.verification.jar")))
                .property("quarkus.profile", "test")
                .property("mp.jwt.verify.publickey.location",
                        IdentityService.testKeyFolder().resolve("public.pem").toString())
                .property("certana.internal.token", INTERNAL_TOKEN)
                .property("certana.internal.identity-url", identity.baseUri().toString())
                .property("certana.verification.asset-url", assetService.baseUri().toString())
                .property("certana.watermark.key", WATERMARK_KEY)
                .property("quarkus.log.category.\"io.certana\".level", "INFO")
                .environment("CERTANA_DB_PASSWORD", System.getenv().getOrDefault("CERTANA_DB_PASSWORD", "certana-dev"))
                .jvmOption("-Xmx2g")
                .logFile(logs.resolve("verification-service.log"))
                .start();
    }

    /** Registers the image as a JPEG and returns a JPEG 90 copy of its watermarked output. */
    private Suspect registeredCopy(String name, BufferedImage image) throws Exception {
        byte[] original = encoder.encodeJpeg(image, 0.95f);
        HttpResponse<String> upload = send(multipart(asset.resolve("/api/v1/assets"), original),
                HttpResponse.BodyHandlers.ofString());
        if (upload.statusCode() != 202) {
            throw new IllegalStateException("upload returned " + upload.statusCode() + ": " + upload.body());
        }
        String id = JSON.readTree(upload.body()).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = JSON.readTree(send(get(asset.resolve("/api/v1/assets/" + id)),
                    HttpResponse.BodyHandlers.ofString()).body());
            if ("completed".equals(state.path("processingStatus").asText())) {
                byte[] marked = send(get(asset.resolve("/api/v1/assets/" + id + "/watermarked")),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                BufferedImage markedImage = decoder.decode(marked, DecodeMode.ORIENTED).image();
                return new Suspect(name, megapixels(image), encoder.encodeJpeg(markedImage, 0.90f));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("registration of " + name + " did not complete in 3 minutes");
    }

    private void measure(Suspect suspect, int warmup, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) {
            decoder.decode(suspect.bytes(), DecodeMode.ORIENTED);
            verify(suspect.bytes());
        }
        double[] decode = new double[runs];
        double[] latency = new double[runs];
        Map<String, List<Double>> steps = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            decoder.decode(suspect.bytes(), DecodeMode.ORIENTED);
            decode[i] = (System.nanoTime() - start) / 1e6;

            start = System.nanoTime();
            String id = verify(suspect.bytes());
            latency[i] = (System.nanoTime() - start) / 1e6;
            JsonNode timings = JSON.readTree(send(get(verification.resolve("/api/v1/verifications/" + id)),
                    HttpResponse.BodyHandlers.ofString()).body()).path("timings");
            timings.fields().forEachRemaining(step -> steps.computeIfAbsent(step.getKey(), key -> new ArrayList<>())
                    .add(step.getValue().asDouble()));
        }
        double decodeMedian = percentile(decode, 50);
        double p50 = percentile(latency, 50);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %d | %.1f | %.1f | %.1f | %.2f | %s | %s | %s | %s | %s |%n",
                suspect.name(), suspect.megapixels(), suspect.bytes().length, decodeMedian, p50,
                percentile(latency, 95), p50 / decodeMedian, median(steps, "decodeMs"), median(steps, "detectMs"),
                median(steps, "pdqMs"), median(steps, "matchMs"), median(steps, "totalMs"));
    }

    private String verify(byte[] bytes) throws Exception {
        HttpResponse<String> response = send(multipart(verification.resolve("/api/v1/verify"), bytes),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("verify returned " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("verificationId").asText();
    }

    private HttpRequest multipart(URI uri, byte[] bytes) {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"image.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("X-API-Key", apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("X-API-Key", apiKey).GET().build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
        return http.send(request, handler);
    }

    private static String median(Map<String, List<Double>> steps, String step) {
        List<Double> values = steps.get(step);
        if (values == null || values.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f", percentile(values.stream().mapToDouble(Double::doubleValue).toArray(),
                50));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double megapixels(BufferedImage image) {
        return image.getWidth() * (double) image.getHeight() / 1e6;
    }

    /** Scales the image to about {@code pixels} pixels, keeping its aspect ratio. */
    private static BufferedImage scaled(BufferedImage image, long pixels) {
        double factor = Math.sqrt((double) pixels / ((double) image.getWidth() * image.getHeight()));
        int width = (int) Math.round(image.getWidth() * factor);
        int height = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return out;
    }

    /** Mirrors the image, so the unmarked suspect's bytes and PDQ match no registration exactly. */
    private static BufferedImage flipped(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(image.getWidth() - 1 - x, y, image.getRGB(x, y));
            }
        }
        return out;
    }
}
