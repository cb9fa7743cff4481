package io.certana.imaging.metadata;

import io.certana.imaging.TestImages;
import io.certana.imaging.encode.ImageEncoder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataReaderTest {

    private final MetadataReader reader = new MetadataReader();

    @Test
    void xxeInXmpMakesNoConnection() throws Exception {
        byte[] data = Files.readAllBytes(TestImages.requireShared("data/corpus/gen_xmp-xxe-localhost7777.jpg"));
        try (ServerSocket server = new ServerSocket(7777, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(500);

            reader.read(data);

            boolean connected;
            try {
                server.accept().close();
                connected = true;
            } catch (SocketTimeoutException expected) {
                connected = false;
            }
            assertFalse(connected, "XMP parsing connected to 127.0.0.1:7777");
        }
    }

    @Test
    void hostileStringsAreKeptAsData() throws Exception {
        byte[] data = Files.readAllBytes(TestImages.requireShared("data/corpus/gen_exif-xss-sqli-payloads.jpg"));

        ImageMetadata metadata = reader.read(data);

        assertEquals("<script>alert(\"certana-exif-xss\")</script>", metadata.tiff().path("Exif IFD0").path("Model").asText());
        assertEquals("${jndi:ldap://127.0.0.1:1389/a}", metadata.tiff().path("Exif IFD0").path("Artist").asText());
        assertEquals("%s%s%s%n", metadata.exif().path("Exif SubIFD").path("User Comment").asText());
    }

    @Test
    void iptcLatin1IsDecoded() throws Exception {
        byte[] data = Files.readAllBytes(TestImages.requireShared("data/corpus/mei_issue-614-iptc-encoding.jpg"));

        assertEquals("l'Affiche présentait étaient", reader.read(data).exif().path("IPTC").path("Headline").asText());
    }

    @Test
    void gpsIsRecordedForOwner() throws Exception {
        byte[] data = Files.readAllBytes(TestImages.requireShared("data/photos/mei_iphone5-flowers-gps-orientation3.jpg"));

        ImageMetadata metadata = reader.read(data);

        assertTrue(metadata.hasGps());
        assertEquals("Apple", metadata.tiff().path("Exif IFD0").path("Make").asText());
    }

    @Test
    void c2paManifestLabelAndGenerator() throws Exception {
        byte[] data = Files.readAllBytes(TestImages.requireShared("data/c2pa/CA.jpg"));

        ImageMetadata metadata = reader.read(data);

        assertTrue(metadata.c2paPresent());
        assertEquals("contentauth:urn:uuid:c2677d4b-0a93-4444-876f-ed2f2d40b8cf", metadata.c2pa().path("active_manifest").asText());
        assertEquals("make_test_images/0.33.1 c2pa-rs/0.33.1", metadata.c2pa().path("claim_generator").asText());
        assertFalse(metadata.c2pa().path("validated").asBoolean(true));
    }

    @Test
    void c2paClaimV2Generator() throws Exception {
        byte[] data = Files.readAllBytes(TestImages.requireShared("data/c2pa/signed_by_c2pa-ts_ed25519.jpg"));

        ImageMetadata metadata = reader.read(data);

        assertTrue(metadata.c2paPresent());
        assertEquals("c2pa-ts/0.9.4-8cb790f", metadata.c2pa().path("claim_generator").asText());
    }

    @Test
    void remoteManifestIsRecordedNotFetched() throws Exception {
        byte[] data = Files.readAllBytes(TestImages.requireShared("data/c2pa/cloud_remote_manifest.jpg"));

        ImageMetadata metadata = reader.read(data);

        assertFalse(metadata.c2paPresent());
        assertTrue(metadata.c2pa().path("remote_manifest_url").asText().startsWith("https://"));
        assertFalse(metadata.c2pa().path("remote_manifest_fetched").asBoolean(true));
    }

    @Test
    void noManifestMeansNotPresent() throws Exception {
        byte[] jpeg = new ImageEncoder().encodeJpeg(TestImages.gradient(32, 32), 0.9f);

        ImageMetadata metadata = reader.read(jpeg);

        assertFalse(metadata.c2paPresent());
        assertFalse(metadata.hasGps());
    }

    @Test
    void outputIsBoundedInSize() throws Exception {
        // 40 XMP properties of 900 characters each, far beyond a 4 KiB limit.
        StringBuilder xmp = new StringBuilder("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                + "<rdf:Description rdf:about='' xmlns:t='http://example.org/t/'>");
        for (int i = 0; i < 40; i++) {
            xmp.append("<t:p").append(i).append('>').append("v".repeat(900)).append("</t:p").append(i).append('>');
        }
        xmp.append("</rdf:Description></rdf:RDF></x:xmpmeta>");
        byte[] jpeg = withApp1(new ImageEncoder().encodeJpeg(TestImages.gradient(16, 16), 0.9f),
                "http://ns.adobe.com/xap/1.0/\0", xmp.toString());
        MetadataReader small = new MetadataReader(new MetadataLimits(4096, 100, Duration.ofSeconds(5)));

        ImageMetadata metadata = small.read(jpeg);

        assertTrue(metadata.exif().toString().getBytes(StandardCharsets.UTF_8).length <= 4096 + 64);
        assertTrue(metadata.exif().path("_truncated").asBoolean(false));
        String value = metadata.exif().path("XMP properties").path("t:p0").asText();
        assertEquals(100, value.length());
        assertTrue(value.endsWith("…"));
    }

    private static byte[] withApp1(byte[] jpeg, String header, String payload) {
        byte[] body = (header + payload).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((body.length + 2) >> 8);
        out.write((body.length + 2) & 0xFF);
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
