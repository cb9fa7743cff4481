package io.certana.asset;

import static io.certana.asset.AssetApi.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.decode.ImageFormat;
import io.certana.imaging.pdq.PdqHasher;
import io.certana.testing.SharedData;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.Track;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Real camera photographs (up to 12 megapixels, with EXIF, GPS, maker notes and orientation) go
 * through registration: each completes, its output carries the watermark and no metadata, and the
 * stored PDQ hash is the hash of the downloaded file.
 */
@QuarkusTest
class PhotosTest {

    @ConfigProperty(name = "certana.watermark.key")
    String watermarkKey;

    @Test
    void sharedPhotosRegister() throws Exception {
        Path folder = SharedData.require("data/photos");
        List<Path> photos;
        try (Stream<Path> files = Files.list(folder)) {
            photos = files.filter(file -> file.toString().endsWith(".jpg") || file.toString().endsWith(".png"))
                    .sorted().toList();
        }
        Tenants.Tenant tenant = Tenants.other();
        Map<Path, UUID> ids = new LinkedHashMap<>();
        for (Path photo : photos) {
            Response response = AssetApi.upload(tenant.writeKey(), Files.readAllBytes(photo),
                    photo.getFileName().toString(), "application/octet-stream");
            // A photo that another test class registered already comes back as 200 or 409.
            if (response.statusCode() == 202) {
                ids.put(photo, UUID.fromString(response.path("id")));
            } else {
                assertTrue(response.statusCode() == 200 || response.statusCode() == 409, response.asString());
            }
        }
        assertFalse(ids.isEmpty(), "no photo was registered");

        try (WatermarkEngine engine = new WatermarkEngine(
                WatermarkSettings.withKey(watermarkKey.getBytes(StandardCharsets.UTF_8)))) {
            for (Map.Entry<Path, UUID> entry : ids.entrySet()) {
                String name = entry.getKey().getFileName().toString();
                Response asset = AssetApi.awaitCompleted(tenant.writeKey(), entry.getValue());
                byte[] output = withKey(tenant.readKey()).get("/api/v1/assets/{id}/watermarked", entry.getValue())
                        .then().statusCode(200).extract().asByteArray();
                DecodedImage image = new ImageDecoder().decode(output, DecodeMode.RAW);

                assertEquals((int) asset.path("width"), image.width(), name);
                assertEquals((int) asset.path("height"), image.height(), name);
                assertEquals((String) asset.path("fingerprint.pdqHash"), new PdqHasher().hash(image).hash().toHex(), name);
                DetectionResult detection = engine.detect(image.image());
                assertTrue(detection.track(Track.B).detected(), name + ": Track B not detected");
                assertEquals(HexFormat.fromHexDigitsToLong(asset.path("watermark.payload")),
                        detection.track(Track.B).payload().getAsLong(), name);
                if (image.format() == ImageFormat.JPEG) {
                    assertFalse(JpegBytes.hasSegment(output, 0xE1), name + ": the output keeps EXIF or XMP");
                }
            }
        }

        // GPS stays in the owner's metadata view and never reaches the output.
        Path geotagged = folder.resolve("mei_iphone5-flowers-gps-orientation3.jpg");
        if (ids.containsKey(geotagged)) {
            Response asset = AssetApi.get(tenant.readKey(), ids.get(geotagged));
            Map<String, Object> exif = asset.path("metadata.exif");
            assertNotNull(exif.get("GPS"), "GPS is missing from the stored metadata: " + exif.keySet());
        }
    }
}
