package io.certana.verification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * RateLimit headers on every response under /api/v1, whichever layer writes it, and the counting
 * rule behind them: every request counts, reads included, and a request without valid credentials
 * counts against its client address (5 per hour in the test profile). Each case sends its own
 * X-Forwarded-For address from loopback, the trusted test proxy, so that cases do not share a window.
 */
@QuarkusTest
class RateLimitHeadersTest {

    /** Smaller than a watermark tile, so each verification is cheap: PDQ only, no detection. */
    private static final byte[] SMALL = TestImages.png(TestImages.gradient(96, 96, 11));
    private static final String UNKNOWN_KEY = "cert_pk_unknownkeyunknownkeyunknownkeyunknownkey00";
    private static final String ANONYMOUS_LIMIT = "5";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void verifyResponsesCarryHeaders() throws IOException {
        Response anonymous = VerifyApi.verifyAnonymously("192.0.2.10", SMALL, "small.png", "image/png");
        assertEquals(200, anonymous.statusCode(), anonymous.asString());
        assertEquals(ANONYMOUS_LIMIT, anonymous.header("RateLimit-Limit"));
        assertEquals("4", anonymous.header("RateLimit-Remaining"));
        assertResetPresent(anonymous);

        Response invalidKey = given().header("X-Forwarded-For", "192.0.2.11").header("X-API-Key", UNKNOWN_KEY)
                .multiPart("file", "small.png", SMALL, "image/png").post("/api/v1/verify");
        assertEquals(401, invalidKey.statusCode(), invalidKey.asString());
        assertEquals("application/problem+json", invalidKey.contentType());
        assertEquals("Bearer", invalidKey.header("WWW-Authenticate"));
        assertEquals(ANONYMOUS_LIMIT, invalidKey.header("RateLimit-Limit"), "a rejected key counts per address");
        assertEquals("4", invalidKey.header("RateLimit-Remaining"));
        assertResetPresent(invalidKey);

        String key = Tenants.apiKey(Tenants.primary(), List.of("read", "verify"), 50);
        Response missingFile = given().header("X-API-Key", key).multiPart("title", "no file").post("/api/v1/verify");
        assertEquals(400, missingFile.statusCode(), missingFile.asString());
        assertEquals("50", missingFile.header("RateLimit-Limit"));
        assertEquals("49", missingFile.header("RateLimit-Remaining"));
        assertResetPresent(missingFile);

        Response wrongBodyType = given().header("X-API-Key", key).contentType("application/json").body("{}")
                .post("/api/v1/verify");
        assertEquals(415, wrongBodyType.statusCode(), wrongBodyType.asString());
        assertEquals("50", wrongBodyType.header("RateLimit-Limit"), "resource matching rejects it before JAX-RS filters");
        assertEquals("48", wrongBodyType.header("RateLimit-Remaining"));

        Map<String, String> oversized = sendOversizedVerify("192.0.2.12");
        assertEquals("413", oversized.get(":status"), "rejected by the body-size check before JAX-RS");
        assertEquals("application/problem+json", oversized.get("content-type"));
        assertEquals(ANONYMOUS_LIMIT, oversized.get("ratelimit-limit"));
        assertEquals("4", oversized.get("ratelimit-remaining"));
        assertNotNull(oversized.get("ratelimit-reset"));
    }

    @Test
    void readsAreCountedAndCarryHeaders() {
        String key = Tenants.apiKey(Tenants.primary(), List.of("read", "verify"), 20);
        Response verified = VerifyApi.verifyWithKey(key, SMALL, "small.png", "image/png");
        assertEquals(200, verified.statusCode(), verified.asString());
        assertEquals("19", verified.header("RateLimit-Remaining"));
        String id = verified.jsonPath().getString("verificationId");

        Response list = given().header("X-API-Key", key).get("/api/v1/verifications");
        assertEquals(200, list.statusCode(), list.asString());
        assertEquals("20", list.header("RateLimit-Limit"));
        assertEquals("18", list.header("RateLimit-Remaining"), "a read counts like a verification");
        assertResetPresent(list);

        Response one = given().header("X-API-Key", key).get("/api/v1/verifications/{id}", id);
        assertEquals(200, one.statusCode(), one.asString());
        assertEquals("17", one.header("RateLimit-Remaining"));

        Response unknown = given().header("X-API-Key", key)
                .get("/api/v1/verifications/{id}", "00000000-0000-4000-8000-000000000000");
        assertEquals(404, unknown.statusCode(), unknown.asString());
        assertEquals("16", unknown.header("RateLimit-Remaining"));

        Response malformedId = given().header("X-API-Key", key).get("/api/v1/verifications/not-a-uuid");
        assertEquals(404, malformedId.statusCode(), malformedId.asString());
        assertEquals("15", malformedId.header("RateLimit-Remaining"));

        Response invalidPage = given().header("X-API-Key", key).queryParam("page", -1).get("/api/v1/verifications");
        assertEquals(400, invalidPage.statusCode(), invalidPage.asString());
        assertEquals("14", invalidPage.header("RateLimit-Remaining"));

        Response quotas = given().header("X-API-Key", key).get("/api/v1/quotas");
        assertEquals(200, quotas.statusCode(), quotas.asString());
        assertEquals("13", quotas.header("RateLimit-Remaining"));

        Response unknownRoute = given().header("X-API-Key", key).get("/api/v1/no-such-endpoint");
        assertEquals(404, unknownRoute.statusCode(), unknownRoute.asString());
        assertEquals("12", unknownRoute.header("RateLimit-Remaining"));

        Response wrongMethod = given().header("X-API-Key", key).delete("/api/v1/quotas");
        assertEquals(405, wrongMethod.statusCode(), wrongMethod.asString());
        assertEquals("11", wrongMethod.header("RateLimit-Remaining"));
    }

    @Test
    void unauthenticatedReadsCountPerAddress() {
        Response list = given().header("X-Forwarded-For", "192.0.2.20").get("/api/v1/verifications");
        assertEquals(401, list.statusCode(), list.asString());
        assertEquals(ANONYMOUS_LIMIT, list.header("RateLimit-Limit"));
        assertEquals("4", list.header("RateLimit-Remaining"));
        assertResetPresent(list);

        Response one = given().header("X-Forwarded-For", "192.0.2.20")
                .get("/api/v1/verifications/{id}", "00000000-0000-4000-8000-000000000000");
        assertEquals(401, one.statusCode(), one.asString());
        assertEquals("3", one.header("RateLimit-Remaining"));

        Response quotas = given().header("X-Forwarded-For", "192.0.2.20").header("Authorization", "Bearer not-a-jwt")
                .get("/api/v1/quotas");
        assertEquals(401, quotas.statusCode(), quotas.asString());
        assertEquals("application/problem+json", quotas.contentType());
        assertEquals("2", quotas.header("RateLimit-Remaining"));
    }

    @Test
    void rejectedCredentialsStopAtAddressLimit() {
        String client = "192.0.2.30";
        for (int i = 1; i <= 5; i++) {
            Response rejected = given().header("X-Forwarded-For", client).header("X-API-Key", UNKNOWN_KEY)
                    .get("/api/v1/verifications");
            assertEquals(401, rejected.statusCode(), rejected.asString());
            assertEquals(Integer.toString(5 - i), rejected.header("RateLimit-Remaining"));
        }

        Response refused = given().header("X-Forwarded-For", client).header("X-API-Key", UNKNOWN_KEY)
                .get("/api/v1/verifications");
        assertEquals(429, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(ANONYMOUS_LIMIT, refused.header("RateLimit-Limit"));
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) > 0, "Retry-After " + refused.header("Retry-After"));

        // A valid key from the same address counts in its own windows.
        Response valid = given().header("X-Forwarded-For", client).header("X-API-Key", Tenants.primary().key())
                .get("/api/v1/verifications");
        assertEquals(200, valid.statusCode(), valid.asString());
        assertEquals("1000", valid.header("RateLimit-Limit"));
    }

    private static void assertResetPresent(Response response) {
        String reset = response.header("RateLimit-Reset");
        assertNotNull(reset, "RateLimit-Reset is missing");
        long seconds = Long.parseLong(reset);
        assertTrue(seconds > 0, "RateLimit-Reset " + seconds);
        assertTrue(seconds <= 86_400, "RateLimit-Reset " + seconds + " is longer than the daily window");
    }

    /**
     * Announces a 60 MB body, over quarkus.http.limits.max-body-size (51M), and sends none of it: the
     * server responds from the Content-Length alone. HTTP clients compute Content-Length themselves,
     * so this writes the request on a socket.
     *
     * @return the response headers with lower-case names, and the status code under ":status"
     */
    private Map<String, String> sendOversizedVerify(String clientAddress) throws IOException {
        String request = "POST /api/v1/verify HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "X-Forwarded-For: " + clientAddress + "\r\n"
                + "Content-Type: multipart/form-data; boundary=certana\r\n"
                + "Content-Length: 60000000\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return RawHttp.readHead(socket.getInputStream());
        }
    }
}
