package io.certana.watermark;

import io.certana.watermark.code.PayloadCodec;
import io.certana.watermark.code.PolarCode;
import io.certana.watermark.dsp.KeyedStream;
import io.certana.watermark.dsp.Plane;
import io.certana.watermark.fragile.FragileTrack;
import io.certana.watermark.neural.NeuralTrack;
import io.certana.watermark.dsp.Rgb;
import io.certana.watermark.robust.RobustDetector;
import io.certana.watermark.robust.RobustEmbedder;
import io.certana.watermark.robust.RobustStrength;
import io.certana.watermark.robust.RobustTile;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Embeds and detects Certana's watermark tracks. Thread-safe and reusable: every field is
 * immutable after construction, each call works on its own buffers, and ONNX Runtime sessions
 * accept concurrent runs. Close the engine to release Track C's sessions.
 */
public final class WatermarkEngine implements AutoCloseable {

    /** Smallest short side, in pixels, that the engine marks: one Track B tile. */
    public static final int MIN_SHORT_SIDE = RobustTile.PERIOD_PX;
    /** Largest image, in pixels, that the engine accepts (about 100 megapixels). */
    public static final long MAX_PIXELS = 100_000_000L;

    /** Polar code of Track B: N = 1024 chips per tile, K = 96 (payload and CRC-32). */
    static final int ROBUST_CODE_LENGTH = 1024;
    /** Design SNR of Track B's polar code construction, Es/N0 in dB. */
    static final double ROBUST_DESIGN_SNR_DB = -6;
    static final int LIST_SIZE = 8;
    /** Polar code of Track A: one codeword of N = 256 cells per tile, K = 96. */
    static final int FRAGILE_CODE_LENGTH = 256;
    /** Design SNR of Track A's polar code construction, Es/N0 in dB. */
    static final double FRAGILE_DESIGN_SNR_DB = 0;

    private final WatermarkSettings settings;
    private final RobustDetector robustDetector;
    private final RobustStrength robustStrength;
    private final FragileTrack fragileTrack;
    private final Optional<NeuralTrack> neuralTrack;
    private final byte[] key;

    public WatermarkEngine(WatermarkSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        key = settings.secretKey();
        RobustTile tile = new RobustTile(key);
        PayloadCodec robustCodec = new PayloadCodec(new PolarCode(ROBUST_CODE_LENGTH, PayloadCodec.INFO_BITS,
                ROBUST_DESIGN_SNR_DB), key, "track-b", LIST_SIZE);
        robustDetector = new RobustDetector(tile, robustCodec);
        robustStrength = new RobustStrength(new RobustEmbedder(tile, robustCodec), robustDetector, robustCodec,
                settings.trackBPsnrDb(), settings.minimumPsnrDb());
        PayloadCodec fragileCodec = new PayloadCodec(new PolarCode(FRAGILE_CODE_LENGTH, PayloadCodec.INFO_BITS,
                FRAGILE_DESIGN_SNR_DB), key, "track-a", LIST_SIZE);
        fragileTrack = new FragileTrack(fragileCodec, key, settings.trackAStep());
        // A configured folder that does not exist leaves Track C "not configured", as no folder does.
        neuralTrack = settings.neuralModel().filter(model -> Files.isDirectory(model.folder())).map(NeuralTrack::new);
    }

    public WatermarkSettings settings() {
        return settings;
    }

    /**
     * Marks an image with the payload on the requested tracks (B first, then A on top, then C).
     *
     * @throws WatermarkException when the image is smaller than {@link #MIN_SHORT_SIDE} or larger
     *                            than {@link #MAX_PIXELS}, or Track C is requested but not configured
     */
    public EmbedResult embed(BufferedImage image, long payload, Set<Track> tracks) {
        Objects.requireNonNull(image, "image");
        checkSize(image);
        if (tracks.isEmpty()) {
            throw new WatermarkException("no watermark track requested");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] original = Rgb.argb(image);
        Plane luma = Plane.luma(original, width, height);
        Map<Track, TrackQuality> quality = new EnumMap<>(Track.class);
        int[] current = original;

        if (tracks.contains(Track.B)) {
            RobustStrength.Outcome robust = robustStrength.embed(current, width, height, luma, payload);
            quality.put(Track.B, new TrackQuality(robust.marked().psnrDb(), robust.amplitude()));
            current = robust.marked().pixels();
        }
        if (tracks.contains(Track.A)) {
            // Track A quantises the cell means of the image as Track B left it, so it goes second.
            Rgb.Changed next = fragileTrack.embed(current, width, height, payload);
            quality.put(Track.A, new TrackQuality(next.psnrDb(), settings.trackAStep()));
            current = next.pixels();
        }
        if (tracks.contains(Track.C)) {
            NeuralTrack neural = neuralTrack.orElseThrow(() -> new WatermarkException(
                    "Track C requested but no model folder is configured"));
            NeuralTrack.Embedded embedded = neural.embed(current, width, height, neuralPayloadBits(payload));
            quality.put(Track.C, new TrackQuality(Rgb.psnr(current, embedded.marked()), embedded.gain()));
            current = embedded.marked();
        }
        BufferedImage out = Rgb.toImage(current, width, height, image);
        return new EmbedResult(out, quality, Rgb.psnr(original, current));
    }

    /** Detects every track in an image. Never throws for an unmarked image. */
    public DetectionResult detect(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        checkSize(image);
        Map<Track, TrackDetection> tracks = new EnumMap<>(Track.class);
        // Both tracks read the image at Track B's working resolution only.
        int factor = RobustTile.scaleFactor(image.getWidth(), image.getHeight());
        Plane working = Plane.lumaDownscaled(image, factor);
        RobustDetector.Result robust = robustDetector.detect(robustDetector.residual(working, factor), true);
        tracks.put(Track.B, robustDetection(robust));
        Optional<TamperMap> tamperMap = Optional.empty();
        double fragileAgreement = Double.NaN;
        if (robust.geometry() == null) {
            tracks.put(Track.A, TrackDetection.notDetected(0));
        } else {
            FragileTrack.Detection fragile = fragileTrack.detect(working, image.getWidth(), image.getHeight(),
                    robust.geometry(), robust.payload());
            tamperMap = fragile.tamperMap();
            fragileAgreement = fragile.candidateAgreement();
            if (fragile.payload().isPresent()) {
                double margin = Math.min(1, Math.max(0, (2 * fragile.codeAgreement() - 1) / 0.8));
                tracks.put(Track.A, new TrackDetection(TrackDetection.Status.DETECTED,
                        OptionalLong.of(fragile.payload().get()), 0.5 + 0.5 * margin));
            } else {
                tracks.put(Track.A, TrackDetection.notDetected(0));
            }
        }
        double neuralMargin = Double.NaN;
        if (neuralTrack.isEmpty()) {
            tracks.put(Track.C, TrackDetection.notConfigured());
        } else {
            NeuralTrack.Decoded decoded = neuralTrack.get().detect(Rgb.argb(image), image.getWidth(), image.getHeight());
            neuralMargin = decoded.meanMargin();
            tracks.put(Track.C, neuralDetection(decoded));
        }
        DetectionResult.Evidence evidence = new DetectionResult.Evidence(robust.syncZ(), robust.searchZ(), robust.decodes(),
                robust.candidateAgreement(), fragileAgreement, neuralMargin);
        return new DetectionResult(tracks, tamperMap, evidence);
    }

    /**
     * Track C's decision. A model of at most 64 bits is detected when its mean margin reaches the
     * configured value; a wider model when its keyed check matches the unmasked asset payload.
     */
    private TrackDetection neuralDetection(NeuralTrack.Decoded decoded) {
        NeuralModelSettings model = settings.neuralModel().orElseThrow();
        double confidence = Math.min(1, decoded.meanMargin() / (2 * model.detectionMargin()));
        BitString bits = decoded.bits();
        if (bits.length() <= Long.SIZE) {
            // NOTE: without a check the margin is the only evidence, and it is weak. With RivaGAN,
            // 105 of 456 unmarked images in the false-positive survey (noise, periodic textures,
            // one textured photo) passed a margin of 8, so callers must confirm a detection by
            // looking its value up among registered assets.
            return decoded.meanMargin() >= model.detectionMargin()
                    ? new TrackDetection(TrackDetection.Status.DETECTED, OptionalLong.of(bits.toLong()), confidence,
                            Optional.of(bits))
                    : TrackDetection.notDetected(Math.min(0.49, confidence));
        }
        long payload = bits.slice(0, Long.SIZE).toLong() ^ neuralMask();
        if (!neuralCheck(payload, bits.length() - Long.SIZE).equals(bits.slice(Long.SIZE, bits.length()))) {
            return TrackDetection.notDetected(Math.min(0.49, confidence));
        }
        return new TrackDetection(TrackDetection.Status.DETECTED, OptionalLong.of(payload),
                Math.max(0.5, confidence), Optional.of(bits));
    }

    /** Whether Track C has a model loaded. */
    public boolean neuralConfigured() {
        return neuralTrack.isPresent();
    }

    /**
     * Returns the Track C value that {@link #embed} writes for a 64-bit payload with a model of at
     * most 64 bits (32 when no model is configured): the first bits of the keyed stream
     * HMAC-SHA-256(key, "track-c/payload/" + payload in hex || counter), as many as the model
     * carries. Registries store it to look assets up from a Track C detection.
     *
     * @throws IllegalStateException when the configured model carries more than 64 bits; use
     *                               {@link #neuralPayloadBits} then
     */
    public long neuralPayload(long payload) {
        int bits = settings.neuralModel().map(NeuralModelSettings::payloadBits).orElse(32);
        if (bits > Long.SIZE) {
            throw new IllegalStateException("the Track C model carries " + bits
                    + " bits, which a long cannot hold; use neuralPayloadBits");
        }
        KeyedStream stream = new KeyedStream(key, "track-c/payload/" + Long.toUnsignedString(payload, 16));
        long value = stream.nextLong();
        return bits == 64 ? value : value >>> (64 - bits);
    }

    /**
     * Returns the bits that {@link #embed} writes on Track C for a 64-bit payload, at the model's
     * payload length. Up to 64 bits they are {@link #neuralPayload}'s value. A wider model (such as
     * TrustMark's 100 bits) carries the payload XOR a keyed mask (so a public decoder does not read
     * asset identifiers) followed by a keyed check of the payload: the first length − 64 bits of
     * HMAC-SHA-256(key, "track-c/check/" + payload in hex || counter). Detection unmasks the
     * payload and accepts it only when the check matches, so an unmarked image passes with
     * probability 2^−(length − 64) per detection, and registries need no lookup table.
     */
    public BitString neuralPayloadBits(long payload) {
        int bits = settings.neuralModel().map(NeuralModelSettings::payloadBits).orElse(32);
        if (bits <= Long.SIZE) {
            return BitString.fromLong(neuralPayload(payload), bits);
        }
        return BitString.fromLong(payload ^ neuralMask(), Long.SIZE).concat(neuralCheck(payload, bits - Long.SIZE));
    }

    private long neuralMask() {
        return new KeyedStream(key, "track-c/mask").nextLong();
    }

    private BitString neuralCheck(long payload, int length) {
        KeyedStream stream = new KeyedStream(key, "track-c/check/" + Long.toUnsignedString(payload, 16));
        byte[] check = new byte[length];
        int current = 0;
        for (int i = 0; i < length; i++) {
            // Bits of each stream byte, most significant first.
            if (i % 8 == 0) {
                current = stream.nextByte();
            }
            check[i] = (byte) ((current >> (7 - i % 8)) & 1);
        }
        return BitString.of(check);
    }

    /** Releases Track C's ONNX Runtime sessions. */
    @Override
    public void close() {
        neuralTrack.ifPresent(NeuralTrack::close);
    }

    private static TrackDetection robustDetection(RobustDetector.Result result) {
        if (result.detected()) {
            // 0.5 for a payload that only just decoded, 1 when at least 70 % of code bits agree.
            double margin = Math.min(1, Math.max(0, (2 * result.codeAgreement() - 1) / 0.4));
            return new TrackDetection(TrackDetection.Status.DETECTED, OptionalLong.of(result.payload().get()),
                    0.5 + 0.5 * margin);
        }
        // Sync peaks of unmarked images stay below z = 5 or so; scale what is above into [0, 0.5).
        return TrackDetection.notDetected(Math.min(0.49, Math.max(0, (result.syncZ() - 5) / 20)));
    }

    private static void checkSize(BufferedImage image) {
        int shortSide = Math.min(image.getWidth(), image.getHeight());
        if (shortSide < MIN_SHORT_SIDE) {
            throw new WatermarkException("image is " + image.getWidth() + "x" + image.getHeight()
                    + " px; watermarking needs a short side of at least " + MIN_SHORT_SIDE + " px");
        }
        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
            throw new WatermarkException("image is " + image.getWidth() + "x" + image.getHeight()
                    + " px; watermarking accepts at most " + MAX_PIXELS + " pixels");
        }
    }
}
