package io.certana.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CertanaClientTest {

    /** Returns a loopback URL on which nothing listens: the port was free a moment ago. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void refusedConnectionSaysServiceIsNotRunning() throws Exception {
        URI down = closedPort();
        CertanaClient client = new CertanaClient(new ClientSettings(down, down, down, "cert_pk_test"));

        CertanaClientException error = assertThrows(CertanaClientException.class, () -> client.asset(UUID.randomUUID()));

        assertEquals(CertanaClientException.Failure.NOT_RUNNING, error.failure());
        assertEquals(Service.ASSET, error.service());
        assertEquals(0, error.status());
        assertTrue(error.getMessage().startsWith("Cannot connect to asset-service at " + down + ":"), error.getMessage());
        assertTrue(error.getMessage().contains("not running"), error.getMessage());
        assertTrue(error.getMessage().contains("bin/certana demo"), error.getMessage());
        assertTrue(error.getMessage().contains("--asset-url or CERTANA_ASSET_URL"), error.getMessage());
    }

    @Test
    void readinessOfClosedPortIsNotReachable() throws Exception {
        URI down = closedPort();
        CertanaClient client = new CertanaClient(ClientSettings.defaults());

        assertEquals(Readiness.NOT_REACHABLE, client.readiness(down));
        assertFalse(client.ready(down));
    }

    @Test
    void missingApiKeyFailsBeforeSending() throws Exception {
        URI down = closedPort();
        CertanaClient client = new CertanaClient(new ClientSettings(down, down, down, null));

        CertanaClientException error = assertThrows(CertanaClientException.class, client::quotas);

        assertEquals(CertanaClientException.Failure.MISSING_API_KEY, error.failure());
        assertTrue(error.getMessage().contains("run certana login"), error.getMessage());
    }

    @Test
    void retryAfterSecondsAndDates() {
        ZonedDateTime inTwoMinutes = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120);

        assertEquals(Optional.of(Duration.ofSeconds(42)), CertanaClient.parseRetryAfter("42"));
        Duration fromDate = CertanaClient.parseRetryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(inTwoMinutes))
                .orElseThrow();
        assertTrue(fromDate.toSeconds() > 100, fromDate.toString());
        assertTrue(fromDate.toSeconds() <= 120, fromDate.toString());
        assertEquals(Optional.of(Duration.ZERO), CertanaClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), CertanaClient.parseRetryAfter("soon"));
        assertEquals(Optional.empty(), CertanaClient.parseRetryAfter("-5"));
    }

    @Test
    void joinKeepsBasePath() {
        assertEquals(URI.create("http://127.0.0.1:8082/api/v1/assets"),
                CertanaClient.join(URI.create("http://127.0.0.1:8082"), "/api/v1/assets"));
        assertEquals(URI.create("https://example.org/certana/api/v1/assets"),
                CertanaClient.join(URI.create("https://example.org/certana/"), "/api/v1/assets"));
    }
}
