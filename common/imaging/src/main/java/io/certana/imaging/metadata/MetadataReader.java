package io.certana.imaging.metadata;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifImageDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.certana.imaging.decode.FormatSniffer;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageFormat;
import io.certana.imaging.decode.JpegSegments;
import io.certana.imaging.decode.PngChunks;
import io.certana.imaging.decode.RiffChunks;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the metadata of an untrusted file into bounded JSON (see {@link ImageMetadata}) with
 * drewnoakes metadata-extractor.
 *
 * <p>Policy: every value is kept as a string (the tag's description as metadata-extractor formats
 * it), cut to {@link MetadataLimits#maxValueLength()}; each JSON object is cut at
 * {@link MetadataLimits#maxJsonBytes()}. Binary values (byte arrays such as maker-note blobs,
 * thumbnails, ICC profiles, and arrays of more than 64 numbers) are dropped, except tags whose
 * bytes are text (UserComment, the Windows XP tags). GPS tags are recorded, because
 * {@code exif_metadata} is returned only to the owning organisation; outputs written by the encode
 * package carry no metadata at all. XMP is parsed by Adobe's xmpcore, which does not resolve
 * external entities (a test listens for the connection an XXE payload would make).
 *
 * <p>Damaged metadata never fails the call: problems are returned as warnings. Instances are
 * immutable and safe to share between threads.
 */
public final class MetadataReader {

    /** Arrays longer than this are treated as binary data and dropped. */
    private static final int MAX_ARRAY_LENGTH = 64;
    /** Tags stored as bytes whose description is decoded text: UserComment and XPTitle..XPSubject. */
    private static final Set<Integer> TEXT_IN_BYTES = Set.of(0x9286, 0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F);

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "certana-metadata");
        thread.setDaemon(true);
        return thread;
    });

    private final MetadataLimits limits;

    public MetadataReader() {
        this(MetadataLimits.defaults());
    }

    public MetadataReader(MetadataLimits limits) {
        this.limits = limits;
    }

    /** Reads the metadata of {@code data}. Damaged or hostile metadata becomes warnings, never an exception. */
    public ImageMetadata read(byte[] data) {
        List<String> warnings = new ArrayList<>();
        Metadata metadata = parseWithinTimeLimit(data, warnings);

        MetadataJson exif = new MetadataJson(limits.maxJsonBytes(), limits.maxValueLength());
        MetadataJson tiff = new MetadataJson(limits.maxJsonBytes(), limits.maxValueLength());
        String remoteManifest = null;
        if (metadata != null) {
            for (Directory directory : metadata.getDirectories()) {
                boolean tiffLevel = directory instanceof ExifIFD0Directory || directory instanceof ExifImageDirectory
                        || directory instanceof ExifThumbnailDirectory;
                MetadataJson target = tiffLevel ? tiff : exif;
                addDirectory(directory, target);
                if (directory instanceof XmpDirectory xmp) {
                    // A "self#jumbf=..." provenance points into the file; only http(s) URLs are remote.
                    String provenance = xmp.getXmpProperties().get("dcterms:provenance");
                    if (provenance != null && (provenance.startsWith("https://") || provenance.startsWith("http://"))) {
                        remoteManifest = provenance;
                    }
                }
                for (String error : directory.getErrors()) {
                    warnings.add(directory.getName() + ": " + MetadataJson.truncate(error, limits.maxValueLength()));
                }
            }
        }
        if (exif.truncated() || tiff.truncated()) {
            warnings.add("metadata exceeds " + limits.maxJsonBytes() + " bytes and was truncated");
        }
        ObjectNode c2pa = readC2pa(data, remoteManifest, warnings);
        return new ImageMetadata(exif.build(), tiff.build(), c2pa, warnings);
    }

    private Metadata parseWithinTimeLimit(byte[] data, List<String> warnings) {
        Future<Metadata> future = WORKERS.submit(() -> ImageMetadataReader.readMetadata(new ByteArrayInputStream(data), data.length));
        try {
            return future.get(limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            warnings.add("metadata parsing did not finish within " + limits.timeLimit().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            warnings.add("metadata parsing was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                warnings.add("metadata could not be read: " + MetadataJson.truncate(String.valueOf(cause.getMessage()), limits.maxValueLength()));
            } else if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                warnings.add("metadata needs more memory than allowed and was skipped");
            } else {
                throw new IllegalStateException("metadata parsing failed", cause);
            }
        }
        return null;
    }

    private void addDirectory(Directory directory, MetadataJson target) {
        String name = directory.getName();
        for (Tag tag : directory.getTags()) {
            Object raw = directory.getObject(tag.getTagType());
            if (isBinary(raw) && !TEXT_IN_BYTES.contains(tag.getTagType())) {
                continue;
            }
            String value;
            try {
                value = tag.getDescription();
            } catch (RuntimeException e) {
                continue; // a formatter that fails on hostile values: the tag is left out
            }
            if (value != null && !target.put(name, tag.getTagName(), value)) {
                return;
            }
        }
        if (directory instanceof XmpDirectory xmp) {
            for (Map.Entry<String, String> property : xmp.getXmpProperties().entrySet()) {
                if (property.getValue() != null && !target.put("XMP properties", property.getKey(), property.getValue())) {
                    return;
                }
            }
        }
    }

    private static boolean isBinary(Object raw) {
        if (raw instanceof byte[]) {
            return true;
        }
        return raw != null && raw.getClass().isArray() && Array.getLength(raw) > MAX_ARRAY_LENGTH;
    }

    private ObjectNode readC2pa(byte[] data, String remoteManifest, List<String> warnings) {
        ImageFormat format = FormatSniffer.detect(data);
        List<byte[]> boxes = List.of();
        String source = null;
        try {
            switch (format) {
                case JPEG -> {
                    boxes = Jumbf.joinApp11(JpegSegments.scan(data).app11());
                    source = "jpeg-app11";
                }
                case PNG -> {
                    boxes = PngChunks.scan(data).c2pa();
                    source = "png-caBX";
                }
                case WEBP -> {
                    boxes = RiffChunks.scan(data).c2pa();
                    source = "webp-C2PA";
                }
                default -> {
                    // NOTE: C2PA in TIFF, HEIF and other containers is not looked for.
                }
            }
        } catch (ImageDecodeException e) {
            warnings.add("C2PA lookup skipped: " + e.getMessage());
        }
        return C2paInspector.inspect(boxes, source, remoteManifest, limits.maxValueLength());
    }
}
