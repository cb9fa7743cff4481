package io.certana.imaging.decode;

import io.certana.imaging.TestImages;
import io.certana.imaging.metadata.ImageMetadata;
import io.certana.imaging.metadata.MetadataReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of the hostile-image corpus (folder data/corpus under certana.shared.dir) either
 * decodes or is rejected with the status its catalogue calls for. Each takes at most 5 seconds
 * in the 512 MiB heap that surefire gives this module, and its metadata reads without an exception.
 */
class CorpusTest {

    private static final String DECODE = "DECODE";
    private static final Duration PER_FILE = Duration.ofSeconds(5);

    /** Outcomes the catalogue allows for each named file; files not listed must decode. */
    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("gen_jpeg-sof-30000x30000.jpg", Set.of("413")),
            Map.entry("gen_jpeg-sof-65500x65500.jpg", Set.of("413")),
            Map.entry("gen_png-bomb-1bit-46000x46000.png", Set.of("413")),
            Map.entry("gen_png-bomb-1bit-65535x65535.png", Set.of("413")),
            Map.entry("gen_png-ihdr-100000x100000.png", Set.of("413")),
            Map.entry("gen_pdf-named.jpg", Set.of("415")),
            Map.entry("gen_svg-with-script-named.png", Set.of("415")),
            Map.entry("gen_text-file-named.png", Set.of("415")),
            Map.entry("gen_zip-named.jpg", Set.of("415")),
            Map.entry("gen_zero-bytes.jpg", Set.of("400")),
            Map.entry("gen_zero-bytes.png", Set.of("400")),
            Map.entry("ljt_monkey12-12bit.jpg", Set.of("415", DECODE)),
            Map.entry("ljt_testimgari-arithmetic.jpg", Set.of("415", DECODE)),
            Map.entry("mei_beach-height-zero.jpg", Set.of("415", "400", DECODE)),
            Map.entry("mei_exif-at-eof-geotagged.heic", Set.of("415")),
            Map.entry("mei_iphone11pro-IMG_2927.heic", Set.of("415")),
            Map.entry("pil_hopper.heif", Set.of("415")),
            Map.entry("pil_hopper.avif", Set.of("415")),
            Map.entry("pil_broken.png", Set.of("400")),
            Map.entry("pil_truncated_image.png", Set.of("400")),
            Map.entry("pil_oom-huge-samplesperpixel.tif", Set.of("400")),
            Map.entry("pil_seek_too_large.tif", Set.of("400")),
            Map.entry("pil_decompression_bomb_extents.gif", Set.of("413", DECODE)),
            Map.entry("webp_bad_palette_index.webp", Set.of("400", DECODE)),
            // The catalogue expects the primary image, but the sample is cut after its headers:
            // truncated JPEG data is rejected rather than returned grey-filled.
            Map.entry("pil_ultrahdr-gainmap.jpg", Set.of("400")));

    @TestFactory
    Stream<DynamicTest> corpusFilesGiveExpectedOutcome() throws IOException {
        Path corpus = TestImages.requireShared("data/corpus");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(CorpusTest::isSample).sorted().collect(Collectors.toList());
        }
        ImageDecoder decoder = new ImageDecoder();
        MetadataReader metadataReader = new MetadataReader();
        return files.stream().map(file -> DynamicTest.dynamicTest(corpus.relativize(file).toString(), () -> {
            Set<String> allowed = expectedOutcomes(file.getFileName().toString());
            String outcome = assertTimeoutPreemptively(PER_FILE, () -> {
                byte[] data = Files.readAllBytes(file);
                ImageMetadata metadata = metadataReader.read(data);
                assertNotNull(metadata.c2pa());
                try {
                    DecodedImage image = decoder.decode(data, DecodeMode.ORIENTED);
                    assertTrue(image.width() > 0, "width");
                    assertTrue(image.height() > 0, "height");
                    return DECODE;
                } catch (ImageDecodeException e) {
                    assertTrue(!e.getMessage().isBlank(), "error message");
                    return Integer.toString(e.httpStatus()) + " (" + e.getMessage() + ")";
                }
            });
            String status = outcome.split(" ")[0];
            assertTrue(allowed.contains(status), "outcome " + outcome + ", expected one of " + allowed);
        }));
    }

    private static Set<String> expectedOutcomes(String name) {
        Set<String> listed = EXPECTED.get(name);
        if (listed != null) {
            return listed;
        }
        // PngSuite: names starting with "x" are deliberately corrupt files. A damaged signature
        // leaves an unrecognised format (415); any other damage is 400.
        if (name.matches("x[a-z0-9]{7}\\.png")) {
            return Set.of("400", "415");
        }
        return Set.of(DECODE);
    }

    private static boolean isSample(Path file) {
        String name = file.getFileName().toString();
        return !name.endsWith(".md") && !name.endsWith(".tsv") && !name.contains("LICENSE") && !name.contains("README");
    }
}
