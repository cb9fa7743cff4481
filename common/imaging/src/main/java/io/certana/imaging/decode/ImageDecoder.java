package io.certana.imaging.decode;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import io.certana.imaging.decode.ImageDecodeException.Kind;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * Decodes untrusted uploads into a {@link DecodedImage}.
 *
 * <p>Order of checks: byte limit, format from the leading bytes ({@link FormatSniffer}), a
 * structure check of the container (JPEG markers, PNG chunk CRCs, RIFF sizes), the pixel budget
 * from the header dimensions, then decoding of the first image with a reader warning listener.
 * Header reading and decoding run on a worker thread under {@link DecodeLimits#timeLimit()}; on
 * time-out the reader is aborted. A JPEG whose decoder reports truncated data ("Premature end of
 * JPEG file", "Missing EOI marker") is rejected instead of returned with grey-filled rows.
 * Multi-frame files (MPO, animated GIF, APNG, multi-page TIFF) yield their first frame only.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ImageDecoder {

    /** Formats decoded, in messages. */
    private static final String DECODABLE_FORMATS = "JPEG, PNG, GIF, BMP, TIFF and WebP";
    /** Maximum length, in characters, of a decoder message copied into an error. */
    private static final int MAX_CAUSE_LENGTH = 200;

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(new DaemonThreadFactory());

    static {
        // Decode from memory only: no temporary files for ImageIO's stream cache.
        ImageIO.setUseCache(false);
    }

    private final DecodeLimits limits;

    /** Creates a decoder with {@link DecodeLimits#defaults()}. */
    public ImageDecoder() {
        this(DecodeLimits.defaults());
    }

    public ImageDecoder(DecodeLimits limits) {
        this.limits = limits;
    }

    public DecodeLimits limits() {
        return limits;
    }

    /** Decodes {@code data} in {@link DecodeMode#ORIENTED}. */
    public DecodedImage decode(byte[] data) throws ImageDecodeException {
        return decode(data, DecodeMode.ORIENTED);
    }

    /** Reads {@code file} (rejecting it before reading when it exceeds the byte limit) and decodes it. */
    public DecodedImage decode(Path file, DecodeMode mode) throws ImageDecodeException, IOException {
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw tooManyBytes(size);
        }
        return decode(Files.readAllBytes(file), mode);
    }

    /** Reads at most {@link DecodeLimits#maxBytes()} from {@code in} and decodes them. */
    public DecodedImage decode(InputStream in, DecodeMode mode) throws ImageDecodeException, IOException {
        return decode(readBounded(in, limits.maxBytes()), mode);
    }

    /**
     * Reads {@code in} to the end into memory.
     *
     * @throws ImageDecodeException of kind TOO_LARGE as soon as more than {@code maxBytes} arrive
     */
    public static byte[] readBounded(InputStream in, long maxBytes) throws IOException, ImageDecodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new ImageDecodeException(Kind.TOO_LARGE, ImageFormat.UNKNOWN,
                        "Image file is larger than the limit of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Decodes {@code data}; see the class comment for the checks and {@link DecodeMode} for the modes. */
    public DecodedImage decode(byte[] data, DecodeMode mode) throws ImageDecodeException {
        if (data.length == 0) {
            throw new ImageDecodeException(Kind.CORRUPT, ImageFormat.UNKNOWN, "Image file is empty (0 bytes)");
        }
        if (data.length > limits.maxBytes()) {
            throw tooManyBytes(data.length);
        }
        ImageFormat format = FormatSniffer.detect(data);
        if (format == ImageFormat.UNKNOWN) {
            throw new ImageDecodeException(Kind.UNSUPPORTED, format,
                    "File is not a recognised image format; supported formats are " + DECODABLE_FORMATS);
        }
        if (!format.decodable()) {
            throw new ImageDecodeException(Kind.UNSUPPORTED, format,
                    format.displayName() + " files are not supported; supported formats are " + DECODABLE_FORMATS);
        }

        JpegSegments.Info jpeg = format == ImageFormat.JPEG ? JpegSegments.scan(data) : null;
        PngChunks.Info png = format == ImageFormat.PNG ? PngChunks.scan(data) : null;
        byte[] exif = checkStructure(data, format, jpeg, png);
        int orientation = ExifOrientation.read(exif);
        List<String> warnings = new ArrayList<>();
        AtomicReference<ImageReader> activeReader = new AtomicReference<>();
        AtomicInteger frameCount = new AtomicInteger(-1);
        Converted converted = withinTimeLimit(format, activeReader,
                () -> readFirstImage(data, format, mode, jpeg, activeReader, frameCount, warnings));
        try {
            return finish(converted, format, mode, png, orientation, frameCount.get(), warnings);
        } catch (OutOfMemoryError e) {
            // A PNG colour profile conversion takes another 4 bytes per pixel.
            throw new ImageDecodeException(Kind.TOO_LARGE, format,
                    format.displayName() + " image needs more memory than the decoder may use", e);
        }
    }

    /** The reader's image in the fixed layout, and whether the source had one colour channel. */
    private record Converted(BufferedImage image, boolean grey) {
    }

    /** Applies the PNG colour profile and the orientation. */
    private static DecodedImage finish(Converted converted, ImageFormat format, DecodeMode mode, PngChunks.Info png,
            int orientation, int frameCount, List<String> warnings) {
        BufferedImage image = converted.image();
        if (mode == DecodeMode.ORIENTED && png != null && png.iccProfile() != null) {
            // The JDK's PNG reader ignores iCCP, so the profile is applied here.
            image = PngIccProfile.apply(image, png.iccProfile(), warnings);
        }
        int storedWidth = image.getWidth();
        int storedHeight = image.getHeight();
        boolean apply = mode == DecodeMode.ORIENTED && orientation != ExifOrientation.NORMAL;
        if (apply) {
            // In place: a second pixel array would double the memory of the largest images.
            int[] pixels = IntImages.pixels(image);
            ExifOrientation.applyInPlace(pixels, storedWidth, storedHeight, orientation);
            boolean swap = ExifOrientation.swapsDimensions(orientation);
            image = IntImages.wrap(pixels, swap ? storedHeight : storedWidth, swap ? storedWidth : storedHeight,
                    image.getType() == BufferedImage.TYPE_INT_ARGB);
        }
        return new DecodedImage(image, format, storedWidth, storedHeight, orientation, apply, converted.grey(),
                frameCount, warnings);
    }

    /** Checks the container structure and returns the EXIF TIFF block that carries the orientation, or null. */
    private static byte[] checkStructure(byte[] data, ImageFormat format, JpegSegments.Info jpeg, PngChunks.Info png)
            throws ImageDecodeException {
        switch (format) {
            case JPEG:
                checkJpegFrame(jpeg);
                return jpeg.exif();
            case PNG:
                return png.exif();
            case WEBP:
                return RiffChunks.scan(data).exif();
            case TIFF:
                return data; // IFD0 of the file itself carries the Orientation tag
            case BIG_TIFF:
                return null; // NOTE: orientation of BigTIFF files is not read (64-bit offsets)
            default:
                return null;
        }
    }

    /**
     * Rejects JPEG coding modes that are not decoded the same way on every JDK build, with a
     * message naming the mode. Arithmetic coding is decoded by the system libjpeg-turbo but
     * rejected by the JDK's bundled IJG 6b. The others are hierarchical frames, more than 8 bits
     * per sample in lossy frames, and a height left to a DNL marker.
     */
    private static void checkJpegFrame(JpegSegments.Info jpeg) throws ImageDecodeException {
        if (jpeg.frameMarker() < 0) {
            throw new ImageDecodeException(Kind.CORRUPT, ImageFormat.JPEG, "JPEG file has no frame header (SOF marker)");
        }
        if (jpeg.arithmetic()) {
            throw new ImageDecodeException(Kind.UNSUPPORTED, ImageFormat.JPEG, "Arithmetic-coded JPEG is not supported");
        }
        if (jpeg.hierarchical()) {
            throw new ImageDecodeException(Kind.UNSUPPORTED, ImageFormat.JPEG, "Hierarchical JPEG is not supported");
        }
        if (!jpeg.lossless() && jpeg.precision() != 8) {
            throw new ImageDecodeException(Kind.UNSUPPORTED, ImageFormat.JPEG,
                    jpeg.precision() + "-bit JPEG is not supported; only 8-bit lossy JPEG is");
        }
        if (jpeg.height() == 0) {
            throw new ImageDecodeException(Kind.UNSUPPORTED, ImageFormat.JPEG,
                    "JPEG with its height defined by a DNL marker is not supported");
        }
        if (jpeg.width() == 0) {
            throw new ImageDecodeException(Kind.CORRUPT, ImageFormat.JPEG, "JPEG frame header declares a width of 0");
        }
    }

    /**
     * Reads the first image and converts it to the fixed layout on the worker thread, so that the
     * reader's image becomes garbage before orientation allocates another copy.
     */
    private Converted readFirstImage(byte[] data, ImageFormat format, DecodeMode mode, JpegSegments.Info jpeg,
            AtomicReference<ImageReader> activeReader, AtomicInteger frameCount, List<String> warnings)
            throws IOException, ImageDecodeException {
        // By default TwelveMonkeys converts JPEG and WebP images with a non-sRGB ICC profile to sRGB.
        // Its raw image type keeps the colour space of the profile, so RAW mode gets the coded RGB
        // or grey values (its JPEG YCbCr conversion then gives the same samples as libjpeg's,
        // checked on photos).
        boolean rawJpeg = jpeg != null && !jpeg.lossless() && (jpeg.components() == 1 || jpeg.components() == 3);
        boolean rawType = mode == DecodeMode.RAW && (rawJpeg || format == ImageFormat.WEBP);
        BufferedImage stored = readWith(createReader(format), data, format, rawType, activeReader, frameCount, warnings);
        boolean grey = stored.getColorModel().getNumColorComponents() == 1 && !(stored.getColorModel() instanceof IndexColorModel);
        return new Converted(SrgbConverter.toSrgb(stored, mode == DecodeMode.ORIENTED), grey);
    }

    /** Reads image 0 with {@code reader}, in its raw image type when {@code rawType} is set. */
    private BufferedImage readWith(ImageReader reader, byte[] data, ImageFormat format, boolean rawType,
            AtomicReference<ImageReader> activeReader, AtomicInteger frameCount, List<String> warnings)
            throws IOException, ImageDecodeException {
        activeReader.set(reader);
        try (ByteArrayImageInputStream input = new ByteArrayImageInputStream(readerInput(data, format))) {
            // Only image 0 is read, so the stream may discard what lies before it; metadata is read elsewhere.
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new ImageDecodeException(Kind.CORRUPT, format,
                        format.displayName() + " header declares an invalid size of " + width + " × " + height);
            }
            long pixels = (long) width * height;
            if (pixels > limits.maxPixels()) {
                throw new ImageDecodeException(Kind.TOO_LARGE, format, String.format(Locale.ROOT,
                        "Image of %d × %d pixels (%.1f megapixels) exceeds the limit of %.1f megapixels",
                        width, height, pixels / 1e6, limits.maxPixels() / 1e6));
            }
            // getNumImages(false) never walks the file: it returns -1 when counting would need a scan.
            frameCount.set(reader.getNumImages(false));
            reader.addIIOReadWarningListener((source, message) -> {
                synchronized (warnings) {
                    warnings.add(message);
                }
            });
            ImageReadParam param = reader.getDefaultReadParam();
            if (rawType) {
                ImageTypeSpecifier raw = reader.getRawImageType(0);
                if (raw != null) {
                    param.setDestinationType(raw);
                }
            }
            BufferedImage image = reader.read(0, param);
            String truncation = findTruncationWarning(warnings);
            if (truncation != null) {
                throw new ImageDecodeException(Kind.CORRUPT, format,
                        format.displayName() + " data is truncated or damaged (" + truncation + ")");
            }
            return image;
        } finally {
            activeReader.set(null);
            reader.dispose();
        }
    }

    /**
     * Returns the bytes handed to the reader. WebP gets 16 zero bytes appended: TwelveMonkeys'
     * VP8L bit reader (3.13.1) fetches ahead and fails with an EOFException on tiny valid files
     * that libwebp decodes, such as a 28-byte one-colour image. The RIFF structure was already
     * checked, so the padding cannot hide a truncated chunk.
     */
    private static byte[] readerInput(byte[] data, ImageFormat format) {
        if (format != ImageFormat.WEBP) {
            return data;
        }
        return java.util.Arrays.copyOf(data, data.length + 16);
    }

    /**
     * Returns the first warning that means pixel data is missing, or null. libjpeg reports a cut-off
     * file as a warning and fills the missing rows with grey, so these warnings reject the file.
     */
    static String findTruncationWarning(List<String> warnings) {
        synchronized (warnings) {
            for (String warning : warnings) {
                String lower = warning.toLowerCase(Locale.ROOT);
                if (lower.contains("premature end") || lower.contains("truncated") || lower.contains("missing eoi")
                        || lower.contains("bad huffman code")) {
                    return warning;
                }
            }
        }
        return null;
    }

    /** Returns a reader for {@code format}, preferring TwelveMonkeys' reader where one exists. */
    private static ImageReader createReader(ImageFormat format) throws ImageDecodeException {
        String name = switch (format) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case BMP -> "bmp";
            case TIFF, BIG_TIFF -> "tiff";
            case WEBP -> "webp";
            default -> throw new IllegalStateException("no reader for " + format);
        };
        ImageReader fallback = null;
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.twelvemonkeys.")) {
                return reader;
            }
            if (fallback == null) {
                fallback = reader;
            }
        }
        if (fallback == null) {
            throw new ImageDecodeException(Kind.UNSUPPORTED, format,
                    "No decoder for " + format.displayName() + " is installed");
        }
        return fallback;
    }

    private <T> T withinTimeLimit(ImageFormat format, AtomicReference<ImageReader> activeReader, Callable<T> work)
            throws ImageDecodeException {
        Future<T> future = WORKERS.submit(work);
        try {
            return future.get(limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ImageReader reader = activeReader.get();
            if (reader != null) {
                try {
                    reader.abort();
                } catch (IllegalStateException busy) {
                    // NOTE: the JDK JPEG reader refuses abort() from another thread while it
                    // decodes, so that decode runs on to its end in the background. The pixel
                    // budget bounds how long that takes.
                }
            }
            future.cancel(true);
            throw new ImageDecodeException(Kind.TOO_LARGE, format, format.displayName()
                    + " decoding did not finish within the time limit of " + limits.timeLimit().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ImageDecodeException(Kind.UNDECODABLE, format, "Decoding was interrupted", e);
        } catch (ExecutionException e) {
            throw classify(e.getCause(), format);
        }
    }

    /** Maps a decoder failure to a typed error; see {@link Kind} for the meaning of each kind. */
    static ImageDecodeException classify(Throwable failure, ImageFormat format) {
        if (failure instanceof ImageDecodeException) {
            return (ImageDecodeException) failure;
        }
        String name = format.displayName();
        if (failure instanceof OutOfMemoryError) {
            return new ImageDecodeException(Kind.TOO_LARGE, format,
                    name + " image needs more memory than the decoder may use");
        }
        String detail = describe(failure);
        String lower = detail.toLowerCase(Locale.ROOT);
        if (lower.contains("unsupported") || lower.contains("not supported") || lower.contains("legal restrictions")) {
            return new ImageDecodeException(Kind.UNSUPPORTED, format,
                    name + " file uses a feature that is not supported: " + detail, failure);
        }
        if (failure instanceof IOException) {
            String condition = failure instanceof EOFException ? " is truncated: " : " is damaged: ";
            return new ImageDecodeException(Kind.CORRUPT, format, name + " file" + condition + detail, failure);
        }
        // Readers throw these when header fields point outside the data or contradict each other.
        if (failure instanceof IndexOutOfBoundsException || failure instanceof IllegalArgumentException
                || failure instanceof NegativeArraySizeException || failure instanceof ArithmeticException) {
            return new ImageDecodeException(Kind.CORRUPT, format, name + " file has an invalid structure: " + detail, failure);
        }
        return new ImageDecodeException(Kind.UNDECODABLE, format, name + " file could not be decoded: " + detail, failure);
    }

    /** Returns the innermost useful message of {@code failure}, shortened, without class names of the JDK. */
    private static String describe(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() > MAX_CAUSE_LENGTH ? message.substring(0, MAX_CAUSE_LENGTH) + "…" : message;
    }

    private ImageDecodeException tooManyBytes(long size) {
        return new ImageDecodeException(Kind.TOO_LARGE, ImageFormat.UNKNOWN,
                "Image file of " + size + " bytes exceeds the limit of " + limits.maxBytes() + " bytes");
    }

    /** Daemon worker threads, so that a decoder stuck in native code never keeps the JVM alive. */
    private static final class DaemonThreadFactory implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "certana-decode-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
