package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.certana.testing.SharedData;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Bad uploads get a clear 4xx problem at once, never a 5xx: missing or empty files, non-images,
 * damaged and oversized images, images too small to carry a watermark, and every file of the
 * shared hostile-file corpus.
 */
@QuarkusTest
class UploadValidationTest {

    @Test
    void missingFilePartIs400() {
        withKey(Tenants.primary().writeKey()).multiPart("title", "no file").post("/api/v1/assets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    void emptyFileIs400() {
        AssetApi.upload(Tenants.primary().writeKey(), new byte[0], "empty.jpg", "image/jpeg").then().statusCode(400)
                .body("type", equalTo("https://certana.io/problems/corrupt-image"))
                .body("detail", containsString("empty"));
    }

    @Test
    void textFileIs415() {
        AssetApi.upload(Tenants.primary().writeKey(), "just some text\n".getBytes(StandardCharsets.UTF_8),
                "notes.png", "image/png").then().statusCode(415)
                .body("type", equalTo("https://certana.io/problems/unsupported-media-type"))
                .body("detail", containsString("not a recognised image format"));
    }

    @Test
    void truncatedJpegIs400() {
        byte[] jpeg = TestPictures.jpeg(400, 300, 401, 0.9f);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        AssetApi.upload(Tenants.primary().writeKey(), truncated, "cut.jpg", "image/jpeg").then().statusCode(400)
                .body("type", equalTo("https://certana.io/problems/corrupt-image"));
    }

    @Test
    void pixelBombIs413() {
        AssetApi.upload(Tenants.primary().writeKey(), pngHeaderOnly(100_000, 100_000), "bomb.png", "image/png")
                .then().statusCode(413)
                .body("type", equalTo("https://certana.io/problems/payload-too-large"))
                .body("detail", containsString("megapixels"));
    }

    @Test
    void tinyImageIs422() {
        AssetApi.upload(Tenants.primary().writeKey(), TestPictures.png(100, 300, 402), "thin.png", "image/png")
                .then().statusCode(422)
                .body("type", equalTo("https://certana.io/problems/unprocessable-image"))
                .body("detail", containsString("128 pixels"));
    }

    @Test
    void overlongTitleIs400() {
        withKey(Tenants.primary().writeKey()).multiPart("file", "t.png", TestPictures.png(200, 200, 403), "image/png")
                .multiPart("title", "x".repeat(501)).post("/api/v1/assets")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void pngExtrasAreNotInOutput() {
        Tenants.Tenant tenant = Tenants.primary();
        byte[] png = TestPictures.png(300, 200, 404);
        byte[] withExtras = PngChunks.withTextAndTrailer(png, "Comment", "secret location 51.5N 0.1W",
                "<html>after IEND</html>");
        UUID id = AssetApi.register(tenant.writeKey(), withExtras, "extras.png", "image/png");
        AssetApi.awaitCompleted(tenant.writeKey(), id);
        byte[] output = withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", id)
                .then().statusCode(200).extract().asByteArray();
        assertEquals(List.of("IHDR", "IDAT", "IEND"), PngChunks.types(output).stream().distinct().toList());
        assertEquals(0, PngChunks.trailingBytes(output), "the output has bytes after IEND");
    }

    @Test
    void corpusFilesNever5xx() throws IOException {
        Path corpus = SharedData.require("data/corpus");
        Tenants.Tenant tenant = Tenants.primary();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, UUID> accepted = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".md"))
                    .filter(file -> !file.getFileName().toString().equals("LICENSE"))
                    .sorted().toList();
        }

        // Every file gets a 2xx or a 4xx problem at upload.
        for (Path file : files) {
            String name = corpus.relativize(file).toString();
            Response response = AssetApi.upload(tenant.writeKey(), Files.readAllBytes(file), file.getFileName().toString(),
                    "application/octet-stream");
            int status = response.statusCode();
            statuses.put(name, status);
            assertTrue(status < 500, name + " returned " + status + ": " + response.asString());
            if (status >= 400) {
                response.then().contentType("application/problem+json").body("detail", notNullValue());
            } else if (status == 202) {
                accepted.put(name, UUID.fromString(response.path("id")));
            }
        }

        // Every accepted file ends completed, or failed with a reason.
        List<String> unclear = new ArrayList<>();
        for (Map.Entry<String, UUID> entry : accepted.entrySet()) {
            Response finished = AssetApi.awaitFinished(tenant.writeKey(), entry.getValue());
            if ("failed".equals(finished.path("processingStatus"))) {
                String error = finished.path("processingError");
                if (error == null || error.isBlank()) {
                    unclear.add(entry.getKey());
                }
            }
        }
        assertTrue(unclear.isEmpty(), "failed without a processingError: " + unclear);

        assertNotNull(statuses.get("gen_png-ihdr-100000x100000.png"));
        assertEquals(413, statuses.get("gen_png-ihdr-100000x100000.png"));
        assertEquals(415, statuses.get("gen_text-file-named.png"));
        assertEquals(400, statuses.get("gen_zero-bytes.jpg"));
        assertEquals(202, statuses.get("ljt_testorig-baseline.jpg"));
        Log.infof("Corpus upload statuses: %s", statuses);
    }

    /** Builds a PNG with a valid IHDR that declares the given size, and no image data. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        PngChunks.writeChunk(out, "IHDR", header.array());
        PngChunks.writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }
}
