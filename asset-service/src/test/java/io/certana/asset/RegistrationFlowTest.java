package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.imaging.cid.ContentIdentifierCalculator;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.decode.ImageFormat;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.Track;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Uploads through to completed registrations, checked from the outside. The stored watermark is
 * detected in the downloaded output with the shared key, and the stored PDQ hash is the hash of
 * that file. openssl verifies the commitment signature with the returned public key.
 */
@QuarkusTest
class RegistrationFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "certana.watermark.key")
    String watermarkKey;

    @Test
    void pngUploadCompletes() throws Exception {
        Tenants.Tenant tenant = Tenants.primary();
        byte[] original = TestPictures.png(640, 480, 101);
        var identifiers = new ContentIdentifierCalculator().compute(original);

        Response accepted = AssetApi.upload(tenant.writeKey(), original, "gradient.png", "image/png");
        accepted.then().statusCode(202)
                .header("Location", startsWith("http"))
                .body("cid", equalTo(identifiers.rawCid()))
                .body("ipfsCid", equalTo(identifiers.unixfsCid()))
                .body("contentHash", equalTo(identifiers.sha256()))
                .body("processingStatus", equalTo("pending"));
        UUID id = UUID.fromString(accepted.path("id"));
        assertTrue(accepted.header("Location").endsWith("/api/v1/assets/" + id), accepted.header("Location"));

        Response asset = AssetApi.awaitCompleted(tenant.writeKey(), id);
        asset.then()
                .body("mimeType", equalTo("image/png"))
                .body("width", equalTo(640))
                .body("height", equalTo(480))
                .body("fileSizeBytes", equalTo(original.length))
                .body("originalFilename", equalTo("gradient.png"))
                .body("watermarked.mimeType", equalTo("image/png"))
                .body("watermark.payload", matchesPattern("[0-9a-f]{16}"))
                .body("watermark.tracks.a.embedded", equalTo(true))
                .body("watermark.tracks.a.detected", equalTo(true))
                .body("watermark.tracks.b.embedded", equalTo(true))
                .body("watermark.tracks.b.detected", equalTo(true))
                .body("watermark.psnr", notNullValue())
                .body("fingerprint.pdqHash", matchesPattern("[0-9a-f]{64}"))
                .body("commitment.confirmationStatus", equalTo("pending"))
                .body("commitment.keyRef", equalTo("org:" + tenant.organizationId() + ":signing:v1"));

        byte[] downloadedOriginal = withKey(tenant.readKey()).get("/api/v1/assets/{id}/original", id)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(original, downloadedOriginal);

        byte[] watermarked = download(tenant.readKey(), id);
        checkWatermarkAndPdq(asset, watermarked);
        assertEquals((String) asset.path("watermarked.cid"), new ContentIdentifierCalculator().compute(watermarked).rawCid());
        verifyCommitmentWithOpenssl(tenant, id, asset);
    }

    @Test
    void jpegUploadGivesJpegWithoutMetadata() throws Exception {
        Tenants.Tenant tenant = Tenants.primary();
        // A JPEG with a comment segment and bytes after its end, neither of which may reach the output.
        byte[] jpeg = TestPictures.jpeg(800, 600, 102, 0.9f);
        byte[] withExtras = JpegBytes.withCommentAndTrailer(jpeg, "camera serial 12345", "PK\u0003\u0004 trailing zip");
        UUID id = AssetApi.register(tenant.writeKey(), withExtras, "photo.jpg", "image/jpeg");

        Response asset = AssetApi.awaitCompleted(tenant.writeKey(), id);
        asset.then().body("mimeType", equalTo("image/jpeg")).body("watermarked.mimeType", equalTo("image/jpeg"));

        byte[] watermarked = download(tenant.readKey(), id);
        assertEquals(ImageFormat.JPEG, new ImageDecoder().decode(watermarked, DecodeMode.RAW).format());
        assertFalse(JpegBytes.hasSegment(watermarked, 0xFE), "the output keeps a comment segment");
        assertFalse(JpegBytes.hasSegment(watermarked, 0xE1), "the output keeps an APP1 (Exif or XMP) segment");
        assertEquals(0, JpegBytes.trailingBytes(watermarked), "the output has bytes after EOI");
        checkWatermarkAndPdq(asset, watermarked);
    }

    @Test
    void alphaPngKeepsAlpha() throws Exception {
        Tenants.Tenant tenant = Tenants.primary();
        byte[] logo = TestPictures.skimage("logo.png");
        UUID id = AssetApi.register(tenant.writeKey(), logo, "logo.png", "image/png");
        Response asset = AssetApi.awaitCompleted(tenant.writeKey(), id);

        DecodedImage output = new ImageDecoder().decode(download(tenant.readKey(), id), DecodeMode.RAW);
        DecodedImage input = new ImageDecoder().decode(logo, DecodeMode.RAW);
        assertTrue(output.hasAlpha(), "the output lost the alpha channel");
        for (int y = 0; y < input.height(); y += 7) {
            for (int x = 0; x < input.width(); x += 7) {
                assertEquals(input.image().getRGB(x, y) >>> 24, output.image().getRGB(x, y) >>> 24,
                        "alpha changed at " + x + "," + y);
            }
        }
        assertEquals((String) asset.path("fingerprint.pdqHash"), new PdqHasher().hash(output).hash().toHex());
    }

    @Test
    void watermarkedIs409BeforeCompletion() {
        Tenants.Tenant tenant = Tenants.primary();
        UUID id = AssetApi.register(tenant.writeKey(), TestPictures.png(1600, 1200, 103), "large.png", "image/png");
        Response early = withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", id);
        if (early.statusCode() == 409) {
            early.then().contentType("application/problem+json")
                    .body("type", equalTo("https://certana.io/problems/asset-not-ready"));
        } else {
            // The workers were faster than this request: then the asset must be complete.
            assertEquals(200, early.statusCode(), early.asString());
            AssetApi.get(tenant.readKey(), id).then().body("processingStatus", equalTo("completed"));
        }
        AssetApi.awaitCompleted(tenant.writeKey(), id);
        withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", id).then().statusCode(200);
    }

    private void checkWatermarkAndPdq(Response asset, byte[] watermarked) throws Exception {
        DecodedImage image = new ImageDecoder().decode(watermarked, DecodeMode.RAW);
        // What `certana pdq` prints for the file: the stored pixels in RAW mode, PdqHasher.
        assertEquals((String) asset.path("fingerprint.pdqHash"), new PdqHasher().hash(image).hash().toHex(),
                "the stored PDQ hash differs from the hash of the downloaded file");
        try (WatermarkEngine engine = new WatermarkEngine(
                WatermarkSettings.withKey(watermarkKey.getBytes(StandardCharsets.UTF_8)))) {
            DetectionResult detection = engine.detect(image.image());
            long payload = HexFormat.fromHexDigitsToLong(asset.path("watermark.payload"));
            assertTrue(detection.track(Track.B).detected(), "Track B not detected in the downloaded output");
            assertEquals(payload, detection.track(Track.B).payload().getAsLong(), "Track B carries another payload");
            assertTrue(detection.track(Track.A).detected(), "Track A not detected in the downloaded output");
            assertEquals(payload, detection.track(Track.A).payload().getAsLong(), "Track A carries another payload");
        }
    }

    private static byte[] download(String apiKey, UUID id) {
        return withKey(apiKey).get("/api/v1/assets/{id}/watermarked", id)
                .then().statusCode(200).header("ETag", notNullValue()).extract().asByteArray();
    }

    private static void verifyCommitmentWithOpenssl(Tenants.Tenant tenant, UUID id, Response asset) throws Exception {
        Response commitment = withKey(tenant.readKey()).get("/api/v1/assets/{id}/commitment", id);
        commitment.then().statusCode(200)
                .body("confirmationStatus", equalTo("pending"))
                .body("signatureAlgorithm", equalTo("Ed25519"))
                .body("publicKey", startsWith("-----BEGIN PUBLIC KEY-----"))
                .body("txHash", equalTo(null))
                .body("network", equalTo(null))
                .body("proof", equalTo(null));
        String payload = commitment.path("payload");
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        assertEquals((String) commitment.path("commitmentHash"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payloadBytes)));
        assertEquals((String) asset.path("commitment.commitmentHash"), commitment.path("commitmentHash"));

        JsonNode fields = JSON.readTree(payload);
        assertEquals(Map.of(
                "assetId", id.toString(),
                "organizationId", tenant.organizationId().toString(),
                "contentHash", asset.path("contentHash"),
                "cid", asset.path("cid"),
                "watermarkedCid", asset.path("watermarked.cid"),
                "pdqHash", asset.path("fingerprint.pdqHash"),
                "watermarkPayload", asset.path("watermark.payload"),
                "createdAt", fields.get("createdAt").asText()), JSON.convertValue(fields, Map.class));
        assertTrue(fields.get("createdAt").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"),
                fields.get("createdAt").asText());

        Path folder = Files.createTempDirectory("commitment");
        Path payloadFile = Files.write(folder.resolve("payload.json"), payloadBytes);
        Path signatureFile = Files.write(folder.resolve("sig.bin"),
                Base64.getDecoder().decode((String) commitment.path("signature")));
        Path keyFile = Files.writeString(folder.resolve("key.pem"), commitment.path("publicKey"));
        OpensslResult valid = openssl(keyFile, payloadFile, signatureFile);
        assertEquals(0, valid.exitCode(), valid.output());
        assertTrue(valid.output().contains("Signature Verified Successfully"), valid.output());

        // One changed byte in the payload must fail the same check.
        Path tampered = Files.writeString(folder.resolve("tampered.json"), payload.replace(id.toString(),
                UUID.randomUUID().toString()));
        OpensslResult invalid = openssl(keyFile, tampered, signatureFile);
        assertNotEquals(0, invalid.exitCode(), invalid.output());
    }

    private record OpensslResult(int exitCode, String output) {
    }

    private static OpensslResult openssl(Path key, Path payload, Path signature) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(),
                "-rawin", "-in", payload.toString(), "-sigfile", signature.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
        return new OpensslResult(process.exitValue(), output);
    }
}
