package io.certana.verification.imaging;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.certana.embedding.EmbeddingModels;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.pdq.DihedralHashes;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;
import io.certana.verification.config.VerificationConfig;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.TrackDetection;
import io.certana.watermark.Track;
import io.certana.watermark.WatermarkEngine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Extracts the probes of a submitted file: SHA-256 of the bytes, then the decoded image as
 * displayed (EXIF orientation applied), its watermark tracks and tamper map, its eight dihedral
 * PDQ hashes and, when models are configured, its embeddings.
 *
 * <p>Watermark detection runs on the calling thread while PDQ and the embeddings run beside it on
 * a second thread, because the two take similar time on a marked photo and the machine has cores
 * for both. At most {@code certana.verification.upload.max-concurrent} analyses run at once; the
 * others wait up to {@code slot-wait} and then get 503.
 */
@ApplicationScoped
public class ImageAnalysis {

    private final ImageDecoder decoder;
    private final PdqHasher hasher;
    private final WatermarkEngine engine;
    private final EmbeddingModels embeddings;
    private final Semaphore slots;
    private final VerificationConfig.Upload limits;
    private final ExecutorService fingerprintThreads;

    public ImageAnalysis(ImageDecoder decoder, PdqHasher hasher, WatermarkEngine engine, EmbeddingModels embeddings,
            VerificationConfig config) {
        this.decoder = decoder;
        this.hasher = hasher;
        this.engine = engine;
        this.embeddings = embeddings;
        this.limits = config.upload();
        int concurrent = Math.max(1, limits.maxConcurrent());
        this.slots = new Semaphore(concurrent, true);
        this.fingerprintThreads = Executors.newFixedThreadPool(concurrent, new FingerprintThreadFactory());
    }

    /** Returns the SHA-256 of the file as 64 lower-case hex digits. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /**
     * Analyses a submitted file.
     *
     * @throws ImageDecodeException when the imaging core rejects the file (400, 413, 415 or 422)
     * @throws ProblemException 503 when no analysis slot freed up in time
     */
    public ImageFacts analyse(byte[] bytes) throws ImageDecodeException {
        Map<String, Long> timings = new LinkedHashMap<>();
        acquireSlot();
        try {
            long start = System.nanoTime();
            DecodedImage image = decoder.decode(bytes, DecodeMode.ORIENTED);
            timings.put("decodeMs", elapsedMs(start));
            if (Math.min(image.width(), image.height()) < PdqHasher.MIN_HASHABLE_DIMENSION) {
                throw new ImageDecodeException(ImageDecodeException.Kind.UNDECODABLE, image.format(), "The image is "
                        + image.width() + " × " + image.height() + " pixels; verification needs at least "
                        + PdqHasher.MIN_HASHABLE_DIMENSION + " pixels on each side");
            }

            Future<Fingerprints> fingerprints = fingerprintThreads.submit(() -> fingerprints(image));
            long detectStart = System.nanoTime();
            DetectionResult detection = detect(image);
            timings.put("detectMs", elapsedMs(detectStart));
            Fingerprints values = await(fingerprints);
            timings.put("pdqMs", values.pdqMs());
            if (embeddings.configured()) {
                timings.put("embeddingMs", values.embeddingMs());
            }
            return new ImageFacts(image.format().mediaType(), image.width(), image.height(), detection,
                    values.pdq(), values.clip(), values.dino(), timings);
        } finally {
            slots.release();
        }
    }

    /** Names what the analysis runs, for {@code modelVersion}: tracks, fingerprints and embedding models. */
    public String describe() {
        StringBuilder tracks = new StringBuilder("watermark:A,B");
        if (engine.neuralConfigured()) {
            tracks.append(",C");
        }
        String models = embeddings.description();
        return tracks + ";pdq" + (models == null ? "" : ";" + models);
    }

    private DetectionResult detect(DecodedImage image) {
        if (Math.min(image.width(), image.height()) < WatermarkEngine.MIN_SHORT_SIDE) {
            // Smaller than one watermark tile: nothing can be embedded or read, so every track is absent.
            Map<Track, TrackDetection> tracks = new LinkedHashMap<>();
            tracks.put(Track.A, TrackDetection.notDetected(0));
            tracks.put(Track.B, TrackDetection.notDetected(0));
            tracks.put(Track.C, engine.neuralConfigured() ? TrackDetection.notDetected(0) : TrackDetection.notConfigured());
            return new DetectionResult(tracks, java.util.Optional.empty(),
                    new DetectionResult.Evidence(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN));
        }
        return engine.detect(image.image());
    }

    private record Fingerprints(DihedralHashes pdq, float[] clip, float[] dino, long pdqMs, long embeddingMs) {
    }

    private Fingerprints fingerprints(DecodedImage image) {
        long start = System.nanoTime();
        DihedralHashes pdq = hasher.hashDihedral(image);
        long pdqMs = elapsedMs(start);
        long embeddingStart = System.nanoTime();
        float[] clip = embeddings.clip(image.image());
        float[] dino = embeddings.dino(image.image());
        return new Fingerprints(pdq, clip, dino, pdqMs, elapsedMs(embeddingStart));
    }

    private static Fingerprints await(Future<Fingerprints> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("Interrupted while computing fingerprints", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Fingerprint computation failed", e.getCause());
        }
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(limits.slotWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE.problem(
                "The service is analysing as many images as it may at once. Try again shortly."),
                Map.of("Retry-After", "5"));
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @PreDestroy
    void close() {
        fingerprintThreads.shutdownNow();
    }

    private static final class FingerprintThreadFactory implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "verification-fingerprint-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
