package io.certana.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every file of the hostile-input corpus gets the status that the corpus's catalogue (EXPECTED.md)
 * calls for, as {@link CorpusExpectations} reads it: 200 with a verdict for files that decode, and
 * for rejected files the problem type of the imaging core's classification (400 corrupt, 413 too
 * large, 415 unsupported, 422 undecodable). A decoded image too small for PDQ gets 422 as well.
 * Skipped where ../shared is absent.
 */
@QuarkusTest
class CorpusTest {

    private static final ImageDecoder DECODER = new ImageDecoder();
    private static final Map<Integer, String> PROBLEM_TYPES = Map.of(
            400, "https://certana.io/problems/corrupt-image",
            413, "https://certana.io/problems/payload-too-large",
            415, "https://certana.io/problems/unsupported-media-type",
            422, "https://certana.io/problems/unprocessable-image");

    /**
     * Files whose status departs from the catalogue. The catalogue expects the primary image of
     * the Ultra HDR sample, but the sample is cut after its headers, and the imaging core rejects
     * truncated JPEG data rather than decoding it grey-filled.
     */
    private static final Map<String, Set<Integer>> DEPARTURES = Map.of("pil_ultrahdr-gainmap.jpg", Set.of(400));

    @Test
    void corpusFilesGetCatalogueStatus() throws IOException {
        Path corpus = SharedData.require("data/corpus");
        Map<String, Set<Integer>> catalogue = CorpusExpectations.read(corpus.resolve("EXPECTED.md"));
        assertTrue(catalogue.size() > 50, "the catalogue's tables name " + catalogue.size() + " files");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(CorpusTest::isSample).sorted().toList();
        }
        assertTrue(files.size() > 200, "corpus has " + files.size() + " files");

        Tenants.Tenant tenant = Tenants.create("corpus");
        int catalogued = 0;
        List<String> mismatches = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (catalogue.containsKey(name)) {
                catalogued++;
            }
            byte[] bytes = Files.readAllBytes(file);
            Set<Integer> allowed = rejectUnhashable(bytes, allowedStatuses(name, catalogue));
            Response response = VerifyApi.verifyWithKey(tenant.key(), bytes, name, "application/octet-stream");
            String mismatch = mismatch(response, allowed);
            if (mismatch != null) {
                mismatches.add(corpus.relativize(file) + ": " + mismatch);
            }
        }

        assertTrue(catalogued > 50, "only " + catalogued + " corpus files are named in the catalogue");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " files got another status than expected:\n"
                + String.join("\n", mismatches));
    }

    /**
     * Returns the statuses allowed for a file: its departure, else the catalogue's, else those of
     * a file the catalogue does not list. PngSuite marks its deliberately corrupt files with a name
     * that starts with "x": a damaged signature leaves no recognised format (415), other damage is
     * 400. Every other file must decode.
     */
    private static Set<Integer> allowedStatuses(String name, Map<String, Set<Integer>> catalogue) {
        if (DEPARTURES.containsKey(name)) {
            return DEPARTURES.get(name);
        }
        if (catalogue.containsKey(name)) {
            return catalogue.get(name);
        }
        if (name.matches("x[a-z0-9]{7}\\.png")) {
            return Set.of(400, 415);
        }
        return Set.of(200);
    }

    /**
     * Replaces 200 with 422 for an image that decodes but has a side shorter than PDQ can hash: the
     * verify endpoint rejects it as unprocessable, because it cannot be fingerprinted.
     */
    private static Set<Integer> rejectUnhashable(byte[] bytes, Set<Integer> allowed) {
        if (!allowed.contains(200)) {
            return allowed;
        }
        DecodedImage image;
        try {
            image = DECODER.decode(bytes, DecodeMode.ORIENTED);
        } catch (ImageDecodeException e) {
            // The allowed set already offers a rejection, or the status check reports the file.
            return allowed;
        }
        if (Math.min(image.width(), image.height()) >= PdqHasher.MIN_HASHABLE_DIMENSION) {
            return allowed;
        }
        Set<Integer> adjusted = new TreeSet<>(allowed);
        adjusted.remove(200);
        adjusted.add(422);
        return adjusted;
    }

    /** Describes how the response differs from what is allowed, or returns null when it matches. */
    private static String mismatch(Response response, Set<Integer> allowed) {
        int status = response.statusCode();
        if (!allowed.contains(status)) {
            return "status " + status + ", expected one of " + allowed + ": " + response.asString();
        }
        if (status == 200) {
            return response.jsonPath().getString("verdict") == null ? "200 without a verdict: " + response.asString()
                    : null;
        }
        if (!"application/problem+json".equals(response.contentType())) {
            return status + " with content type " + response.contentType();
        }
        String type = response.jsonPath().getString("type");
        if (!PROBLEM_TYPES.get(status).equals(type)) {
            return status + " with problem type " + type + ", expected " + PROBLEM_TYPES.get(status);
        }
        return null;
    }

    private static boolean isSample(Path file) {
        String name = file.getFileName().toString();
        return !name.endsWith(".md") && !name.endsWith(".tsv") && !name.contains("LICENSE") && !name.contains("README");
    }
}
