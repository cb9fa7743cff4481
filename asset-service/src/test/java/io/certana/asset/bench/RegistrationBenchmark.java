package io.certana.asset.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.embedding.EmbeddingModelSpec;
import io.certana.embedding.ImageEmbedder;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.decode.ImageFormat;
import io.certana.imaging.encode.ImageEncoder;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.testing.IdentityService;
import io.certana.testing.ServiceProcess;
import io.certana.watermark.EmbedResult;
import io.certana.watermark.NeuralModelSettings;
import io.certana.watermark.Track;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkSettings;

/**
 * Measures registration through the packaged asset-service against the imaging core's own work on
 * the same files, and prints a Markdown table.
 *
 * <p>It starts identity-service and asset-service as processes on 127.0.0.1 (database
 * {@code certana_test}, quotas off, production queue timing), creates an organization and an API
 * key, and then:
 *
 * <ol>
 *   <li>core: per file, the process CPU time of this JVM for decode + watermark embed + encode +
 *       PDQ (and the embeddings when models are given), median of the timed runs after warm-up;</li>
 *   <li>service, one file at a time: the CPU time the asset-service process spends from the
 *       upload to the completed registration ({@code /proc/<pid>/stat}, all its threads);</li>
 *   <li>throughput: every file uploaded at once, registrations per minute until all complete.</li>
 * </ol>
 *
 * <p>Run it with {@code asset-service/bench/registration-bench.sh DIR}. Options (system properties):
 * {@code bench.warmupRounds} (default 12), {@code bench.rounds} (measured service rounds, default 3),
 * {@code bench.coreRuns} (timed runs per file after two passes over all files, default 5),
 * {@code bench.clipModel}, {@code bench.dinoModel}, {@code bench.trackCModelDir}.
 */
public final class RegistrationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WATERMARK_KEY = "bench-watermark-key-not-secret";
    private static final float JPEG_QUALITY = 0.92f;
    /** USER_HZ of Linux: the unit of utime and stime in /proc/<pid>/stat on every common platform. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;
    /** Interval between two status polls of one asset. */
    private static final long POLL_INTERVAL_MILLIS = 250;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI assetService;
    private String apiKey;

    private record Sample(String name, int width, int height, long bytes, byte[] data) {
    }

    private RegistrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: RegistrationBenchmark DIR   (a folder of JPEG, PNG, GIF, BMP, TIFF or WebP images)");
            System.exit(2);
        }
        new RegistrationBenchmark().run(Path.of(args[0]));
    }

    private void run(Path folder) throws Exception {
        List<Sample> samples = load(folder);
        int rounds = Integer.getInteger("bench.rounds", 3);
        Optional<Path> clipModel = Optional.ofNullable(System.getProperty("bench.clipModel")).map(Path::of);
        Optional<Path> dinoModel = Optional.ofNullable(System.getProperty("bench.dinoModel")).map(Path::of);
        Optional<Path> trackC = Optional.ofNullable(System.getProperty("bench.trackCModelDir")).map(Path::of);

        double[] core = measureCore(samples, clipModel, dinoModel, trackC);

        Path target = Path.of("asset-service", "target").toAbsolutePath();
        Path keys = IdentityService.testKeyFolder();
        try (IdentityService identity = IdentityService.start("bench-internal-token", target.resolve("bench-identity.log"))) {
            ServiceProcess.Builder builder = ServiceProcess.jar("asset-service",
                            target.resolve("quarkus-app").resolve("quarkus-run.jar"))
                    .property("quarkus.profile", "test")
                    .property("certana.internal.token", "bench-internal-token")
                    .property("certana.internal.identity-url", identity.baseUri().toString())
                    .property("mp.jwt.verify.publickey.location", keys.resolve("public.pem").toString())
                    .property("certana.watermark.key", WATERMARK_KEY)
                    .property("certana.asset.storage.root", target.resolve("bench-data").toString())
                    .property("certana.asset.jobs.lease", "60S")
                    .property("certana.asset.jobs.heartbeat", "15S")
                    .property("certana.asset.jobs.poll-interval", "1S")
                    .property("quarkus.log.category.\"io.certana\".level", "INFO")
                    .environment("CERTANA_DB_PASSWORD", System.getenv().getOrDefault("CERTANA_DB_PASSWORD", "certana-dev"))
                    .logFile(target.resolve("bench-asset-service.log"));
            clipModel.ifPresent(path -> builder.property("certana.asset.embedding.clip-model", path.toString()));
            dinoModel.ifPresent(path -> builder.property("certana.asset.embedding.dino-model", path.toString()));
            trackC.ifPresent(path -> builder.property("certana.watermark.model-dir", path.toString()));
            try (ServiceProcess service = builder.start()) {
                assetService = service.baseUri();
                IdentityService.Account owner = identity.newAccount("bench");
                UUID organization = identity.createOrganization(owner.accessToken(), "Benchmark " + UUID.randomUUID());
                apiKey = identity.createApiKey(owner.accessToken(), organization, List.of("read", "write"));

                // The JIT compiles the service's hot paths over the first dozens of registrations;
                // measuring before that would count compilation as registration cost.
                int warmupRounds = Integer.getInteger("bench.warmupRounds", 12);
                for (int round = 1; round <= warmupRounds; round++) {
                    System.err.println("warm-up round " + round + " of " + warmupRounds);
                    serialRound(samples, service.pid());
                }
                double[] serviceCpu = new double[samples.size()];
                for (int round = 1; round <= rounds; round++) {
                    System.err.println("serial round " + round + " of " + rounds);
                    double[] cpu = serialRound(samples, service.pid());
                    for (int i = 0; i < cpu.length; i++) {
                        serviceCpu[i] += cpu[i] / rounds;
                    }
                }
                System.err.println("throughput round");
                double[] throughput = throughputRound(samples, service.pid());
                print(samples, core, serviceCpu, throughput, clipModel.isPresent() || dinoModel.isPresent(),
                        trackC.isPresent());
            }
        }
    }

    /** Returns the core CPU milliseconds per sample: median over the timed runs after warm-up. */
    private static double[] measureCore(List<Sample> samples, Optional<Path> clip, Optional<Path> dino,
            Optional<Path> trackC) throws Exception {
        int runs = Integer.getInteger("bench.coreRuns", 5);
        ImageDecoder decoder = new ImageDecoder();
        ImageEncoder encoder = new ImageEncoder();
        PdqHasher hasher = new PdqHasher();
        WatermarkSettings settings = WatermarkSettings.withKey(WATERMARK_KEY.getBytes(StandardCharsets.UTF_8));
        if (trackC.isPresent()) {
            settings = settings.withNeuralModel(NeuralModelSettings.fromFolder(trackC.get()));
        }
        Set<Track> tracks = trackC.isPresent() ? EnumSet.allOf(Track.class) : EnumSet.of(Track.A, Track.B);
        ImageEmbedder clipEmbedder = clip.map(path -> new ImageEmbedder(EmbeddingModelSpec.clip(path))).orElse(null);
        ImageEmbedder dinoEmbedder = dino.map(path -> new ImageEmbedder(EmbeddingModelSpec.dino(path))).orElse(null);
        double[] result = new double[samples.size()];
        try (WatermarkEngine engine = new WatermarkEngine(settings)) {
            CorePipeline pipeline = new CorePipeline(decoder, engine, tracks, encoder, hasher, clipEmbedder, dinoEmbedder);
            // Two passes over all files first, so the JIT has compiled every file's paths before any is timed.
            for (int pass = 0; pass < 2; pass++) {
                for (Sample sample : samples) {
                    pipeline.run(sample.data(), pass);
                }
            }
            for (int i = 0; i < samples.size(); i++) {
                System.err.println("core pipeline: " + samples.get(i).name());
                double[] times = new double[runs];
                for (int run = 0; run < runs; run++) {
                    long before = processCpuNanos();
                    pipeline.run(samples.get(i).data(), run);
                    times[run] = (processCpuNanos() - before) / 1e6;
                }
                Arrays.sort(times);
                result[i] = times[runs / 2];
            }
        } finally {
            if (clipEmbedder != null) {
                clipEmbedder.close();
            }
            if (dinoEmbedder != null) {
                dinoEmbedder.close();
            }
        }
        return result;
    }

    /** The library work of one registration: decode, watermark embed, encode, PDQ, and the embeddings. */
    private record CorePipeline(ImageDecoder decoder, WatermarkEngine engine, Set<Track> tracks, ImageEncoder encoder,
            PdqHasher hasher, ImageEmbedder clip, ImageEmbedder dino) {

        void run(byte[] data, long payload) throws Exception {
            DecodedImage image = decoder.decode(data, DecodeMode.ORIENTED);
            EmbedResult marked = engine.embed(image.image(), 0x0123456789abcdefL ^ payload, tracks);
            BufferedImage output = marked.marked();
            byte[] encoded = image.format() == ImageFormat.JPEG && !image.hasAlpha()
                    ? encoder.encodeJpeg(output, JPEG_QUALITY) : encoder.encodePng(output);
            hasher.hashDihedral(output);
            if (clip != null) {
                clip.embed(output);
            }
            if (dino != null) {
                dino.embed(output);
            }
            if (encoded.length == 0) {
                throw new IllegalStateException("the encoder returned no bytes");
            }
        }
    }

    /** Registers the files one at a time and returns the service's CPU milliseconds for each; then deletes them. */
    private double[] serialRound(List<Sample> samples, long pid) throws Exception {
        double[] cpu = new double[samples.size()];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            double before = serviceCpuMillis(pid);
            String id = upload(samples.get(i));
            awaitCompleted(id);
            cpu[i] = serviceCpuMillis(pid) - before;
            ids.add(id);
        }
        deleteAll(ids);
        return cpu;
    }

    /** Uploads every file at once and returns {wall seconds, service CPU milliseconds}; then deletes them. */
    private double[] throughputRound(List<Sample> samples, long pid) throws Exception {
        double cpuBefore = serviceCpuMillis(pid);
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (Sample sample : samples) {
            ids.add(upload(sample));
        }
        for (String id : ids) {
            awaitCompleted(id);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = serviceCpuMillis(pid) - cpuBefore;
        deleteAll(ids);
        return new double[] {seconds, cpu};
    }

    private static void print(List<Sample> samples, double[] core, double[] service, double[] throughput,
            boolean embeddings, boolean trackC) {
        System.out.printf(Locale.ROOT, "Java %s, %d cores; tracks %s%s; JPEG quality %.2f; core: median of %d runs "
                        + "after 2 warm-up passes; service: mean of %d rounds after %d warm-up rounds%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                trackC ? "A, B, C" : "A, B", embeddings ? ", CLIP and DINO embeddings" : ", no embeddings", JPEG_QUALITY,
                Integer.getInteger("bench.coreRuns", 5), Integer.getInteger("bench.rounds", 3),
                Integer.getInteger("bench.warmupRounds", 12));
        System.out.println("| image | pixels | bytes | core CPU ms | service CPU ms | service / core |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        double coreTotal = 0;
        double serviceTotal = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            coreTotal += core[i];
            serviceTotal += service[i];
            System.out.printf(Locale.ROOT, "| %s | %d × %d | %d | %.0f | %.0f | %.2f |%n", sample.name(), sample.width(),
                    sample.height(), sample.bytes(), core[i], service[i], service[i] / core[i]);
        }
        System.out.printf(Locale.ROOT, "| all %d files | | | %.0f | %.0f | %.2f |%n%n", samples.size(), coreTotal,
                serviceTotal, serviceTotal / coreTotal);
        System.out.printf(Locale.ROOT, "Service adds %.0f %% CPU on top of the core pipeline (target: at most 50 %%).%n",
                100 * (serviceTotal - coreTotal) / coreTotal);
        System.out.printf(Locale.ROOT, "Throughput, all %d files uploaded at once: %.1f s, %.1f registrations per minute, "
                        + "%.0f ms service CPU per registration.%n", samples.size(), throughput[0],
                samples.size() * 60 / throughput[0], throughput[1] / samples.size());
    }

    private String upload(Sample sample) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + sample.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(sample.data());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(assetService.resolve("/api/v1/assets"))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .timeout(Duration.ofMinutes(2))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(sample.name() + ": upload returned " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /**
     * Waits until the asset's commitment exists, which happens in the same transaction that marks
     * the asset completed. The commitment is the cheapest read that shows completion, and every poll
     * is counted in the service's CPU time. A 409 naming a failed registration ends the wait.
     */
    private void awaitCompleted(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            assetService.resolve("/api/v1/assets/" + id + "/commitment"))
                    .header("X-API-Key", apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            String detail = JSON.readTree(response.body()).path("detail").asText();
            if (response.statusCode() != 409 || detail.contains("registration failed")) {
                throw new IllegalStateException("asset " + id + ": " + response.statusCode() + " " + detail);
            }
            Thread.sleep(POLL_INTERVAL_MILLIS);
        }
        throw new IllegalStateException("asset " + id + " did not complete within 5 minutes");
    }

    private void deleteAll(List<String> ids) throws IOException, InterruptedException {
        for (String id : ids) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(assetService.resolve("/api/v1/assets/" + id))
                    .header("X-API-Key", apiKey).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("delete of " + id + " returned " + response.statusCode());
            }
        }
    }

    /** Returns user plus system CPU time of a process and all its threads, from /proc/<pid>/stat. */
    private static double serviceCpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<Sample> load(Path folder) throws IOException {
        ImageDecoder decoder = new ImageDecoder();
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] data = Files.readAllBytes(file);
                try {
                    DecodedImage image = decoder.decode(data, DecodeMode.ORIENTED);
                    samples.add(new Sample(file.getFileName().toString(), image.width(), image.height(), data.length, data));
                } catch (io.certana.imaging.decode.ImageDecodeException e) {
                    System.err.println("skipped " + file + ": " + e.getMessage());
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no decodable images in " + folder);
        }
        return samples;
    }
}
