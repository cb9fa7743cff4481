package io.certana.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.junit.jupiter.api.Test;

import io.certana.testing.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Rate limits kept in PostgreSQL: per client address for anonymous callers (5 per hour in the test
 * profile, with loopback as the trusted proxy that forwards the client address) and per API key.
 */
@QuarkusTest
class RateLimitTest {

    /** Smaller than a watermark tile, so each verification is cheap: PDQ only, no detection. */
    private static final byte[] SMALL = TestImages.png(TestImages.gradient(96, 96, 5));

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void anonymousLimitHolds() {
        String client = "203.0.113.7";
        for (int i = 1; i <= 5; i++) {
            Response response = VerifyApi.verifyAnonymously(client, SMALL, "small.png", "image/png");
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals("5", response.header("RateLimit-Limit"));
            assertEquals(Integer.toString(5 - i), response.header("RateLimit-Remaining"));
            long reset = Long.parseLong(response.header("RateLimit-Reset"));
            assertTrue(reset > 0 && reset <= 3600, "RateLimit-Reset " + reset);
        }

        Response refused = VerifyApi.verifyAnonymously(client, SMALL, "small.png", "image/png");
        assertEquals(429, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("5", refused.header("RateLimit-Limit"));
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) > 0);
        assertTrue(refused.jsonPath().getString("detail").contains("per hour"));

        // Another client behind the same proxy has its own counter.
        Response other = VerifyApi.verifyAnonymously("203.0.113.8", SMALL, "small.png", "image/png");
        assertEquals(200, other.statusCode(), other.asString());
        assertEquals("4", other.header("RateLimit-Remaining"));
    }

    @Test
    void apiKeyHourlyLimitHolds() {
        String key = Tenants.apiKey(Tenants.primary(), List.of("read", "verify"), 3);
        for (int i = 1; i <= 2; i++) {
            VerifyApi.verifyWithKey(key, SMALL, "small.png", "image/png").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", Integer.toString(3 - i));
        }
        // The quota endpoint counts against the same limit.
        given().header("X-API-Key", key).get("/api/v1/quotas").then().statusCode(200)
                .header("RateLimit-Remaining", "0");
        VerifyApi.verifyWithKey(key, SMALL, "small.png", "image/png").then().statusCode(429)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "0")
                .body("detail", containsString("API key"));
    }

    /**
     * A rejected upload is read to its end before the 429 is sent, so a client still writing its
     * body gets the 429 instead of a broken pipe, and the connection serves the next request. The
     * body is large so that an early response would reach the client long before it finishes writing.
     */
    @Test
    void rejectedUploadIsDrainedFirst() throws IOException {
        String key = Tenants.apiKey(Tenants.primary(), List.of("read", "verify"), 1);
        VerifyApi.verifyWithKey(key, SMALL, "small.png", "image/png").then().statusCode(200);
        byte[] large = new byte[8 << 20];

        VerifyApi.verifyWithKey(key, large, "large.png", "image/png").then().statusCode(429)
                .contentType("application/problem+json").header("RateLimit-Remaining", "0");

        String head = "POST /api/v1/verify HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "X-API-Key: " + key + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + large.length + "\r\n\r\n";
        String next = "GET /api/v1/quotas HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "X-API-Key: " + key + "\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(large);
            out.flush();
            Map<String, String> rejected = RawHttp.readResponse(socket.getInputStream());
            assertEquals("429", rejected.get(":status"), rejected.toString());
            assertTrue(rejected.get(":body").contains("API key"), rejected.get(":body"));
            assertNotEquals("close", rejected.get("connection"), "the drained connection stays open");

            out.write(next.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Map<String, String> second = RawHttp.readResponse(socket.getInputStream());
            assertEquals("429", second.get(":status"), "a second request on the same connection: " + second);
        }
    }

    @Test
    void credentialsAreChecked() {
        VerifyApi.verifyWithKey("cert_pk_unknownkeyunknownkeyunknownkeyunknownkey00", SMALL, "small.png", "image/png")
                .then().statusCode(401).contentType("application/problem+json");
        String readOnly = Tenants.apiKey(Tenants.primary(), List.of("read"), null);
        VerifyApi.verifyWithKey(readOnly, SMALL, "small.png", "image/png").then().statusCode(403)
                .body("detail", containsString("verify"));
        given().header("Authorization", "Bearer " + Tenants.primary().owner().accessToken())
                .multiPart("file", "small.png", SMALL, "image/png").post("/api/v1/verify")
                .then().statusCode(400).body("errors[0].field", equalTo("X-Organization-Id"));
        given().header("Authorization", "Bearer " + Tenants.primary().owner().accessToken())
                .header("X-Organization-Id", Tenants.primary().organizationId().toString())
                .multiPart("file", "small.png", SMALL, "image/png").post("/api/v1/verify")
                .then().statusCode(200).body("verdict", equalTo("unknown"));
        given().header("X-API-Key", Tenants.primary().key()).multiPart("title", "no file").post("/api/v1/verify")
                .then().statusCode(400).body("errors[0].field", equalTo("file"))
                .header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/quotas").then().statusCode(401);
        given().get("/api/v1/verifications").then().statusCode(401);
    }
}
