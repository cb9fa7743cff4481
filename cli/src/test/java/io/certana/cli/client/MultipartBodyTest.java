package io.certana.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * Sends multipart bodies to a JDK HTTP server on 127.0.0.1 that parses them as RFC 7578 describes,
 * and compares what arrived with what was sent.
 */
class MultipartBodyTest {

    /** One part as the server parsed it. */
    private record Part(Map<String, String> headers, byte[] content) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A request as the server received it. */
    private record Received(String contentType, String contentLength, String transferEncoding, String apiKey,
            byte[] body) {
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<Received> received = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/assets", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.set(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Content-Length"),
                        exchange.getRequestHeaders().getFirst("Transfer-Encoding"),
                        exchange.getRequestHeaders().getFirst("X-API-Key"), in.readAllBytes()));
            }
            byte[] response = ("{\"id\":\"" + UUID.randomUUID() + "\",\"cid\":\"bafkreitest\",\"contentHash\":\"00\","
                    + "\"processingStatus\":\"pending\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private CertanaClient client() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new CertanaClient(new ClientSettings(base, base, base, "cert_pk_test"));
    }

    @Test
    void fileAndTitleArriveIntact() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        // Bytes that look like a delimiter line inside the content must not end the part.
        byte[] trap = "\r\n--certana-\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(trap, 0, bytes, 1000, trap.length);
        Path file = dir.resolve("photo one.jpg");
        Files.write(file, bytes);

        Registration registration = client().upload(file, "Café crème, 2 €");

        Received request = received.get();
        assertFalse(registration.existing());
        assertEquals("pending", registration.body().path("processingStatus").asText());
        assertEquals("cert_pk_test", request.apiKey());
        assertEquals(String.valueOf(request.body().length), request.contentLength());
        assertNull(request.transferEncoding());
        List<Part> parts = parse(request);
        assertEquals(2, parts.size());
        Part filePart = parts.get(0);
        assertEquals("form-data; name=\"file\"; filename=\"photo one.jpg\"", filePart.header("Content-Disposition"));
        assertEquals("image/jpeg", filePart.header("Content-Type"));
        assertArrayEquals(bytes, filePart.content());
        Part titlePart = parts.get(1);
        assertEquals("form-data; name=\"title\"", titlePart.header("Content-Disposition"));
        assertEquals("text/plain; charset=UTF-8", titlePart.header("Content-Type"));
        assertEquals("Café crème, 2 €", new String(titlePart.content(), StandardCharsets.UTF_8));
    }

    @Test
    void fileNameQuotesAndLineBreaksAreEscaped() throws Exception {
        Path file = dir.resolve("say \"cheese\"\r\nX-Injected: 1.png");
        Files.write(file, new byte[] {1, 2, 3});
        MultipartBody body = new MultipartBody("test-boundary").addFile("file", file, MultipartBody.mediaTypeOf(file));

        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/assets"))
                        .header("Content-Type", body.contentType()).POST(body.publisher()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        List<Part> parts = parse(received.get());
        assertEquals(1, parts.size());
        assertEquals("form-data; name=\"file\"; filename=\"say %22cheese%22%0D%0AX-Injected: 1.png\"",
                parts.get(0).header("Content-Disposition"));
        assertNull(parts.get(0).header("X-Injected"));
        assertEquals("image/png", parts.get(0).header("Content-Type"));
    }

    @Test
    void emptyFileIsSent() throws Exception {
        Path file = dir.resolve("empty.webp");
        Files.write(file, new byte[0]);

        client().upload(file, null);

        List<Part> parts = parse(received.get());
        assertEquals(1, parts.size());
        assertEquals(0, parts.get(0).content().length);
        assertEquals("image/webp", parts.get(0).header("Content-Type"));
    }

    @Test
    void missingFileFailsBeforeSending() {
        Path file = dir.resolve("absent.png");

        assertThrows(NoSuchFileException.class, () -> new MultipartBody().addFile("file", file, "image/png"));
        assertThrows(NoSuchFileException.class, () -> new MultipartBody().addFile("file", dir, "image/png"));
        CertanaClientException error = assertThrows(CertanaClientException.class, () -> client().upload(file, null));

        assertEquals(CertanaClientException.Failure.FILE_NOT_READABLE, error.failure());
        assertEquals(file + ": file not found.", error.getMessage());
        assertNull(received.get());
    }

    @Test
    void mediaTypeFollowsExtension() {
        assertEquals("image/jpeg", MultipartBody.mediaTypeOf(Path.of("a.JPEG")));
        assertEquals("image/tiff", MultipartBody.mediaTypeOf(Path.of("scan.tif")));
        assertEquals("image/bmp", MultipartBody.mediaTypeOf(Path.of("old.bmp")));
        assertEquals("application/octet-stream", MultipartBody.mediaTypeOf(Path.of("notes")));
    }

    @Test
    void boundariesAreRandom() {
        assertTrue(new MultipartBody().contentType().matches("multipart/form-data; boundary=certana-[0-9a-f]{32}"));
        assertFalse(new MultipartBody().contentType().equals(new MultipartBody().contentType()));
    }

    /**
     * Splits a multipart/form-data body at its delimiter lines: {@code --boundary} after a line
     * break, up to the closing {@code --boundary--}. Each part is header lines, an empty line and
     * the content.
     */
    private static List<Part> parse(Received request) {
        String contentType = request.contentType();
        assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);
        byte[] delimiter = ("\r\n--" + contentType.substring(contentType.indexOf('=') + 1))
                .getBytes(StandardCharsets.US_ASCII);
        // A CRLF in front of the first delimiter lets every delimiter be found the same way.
        byte[] body = concat("\r\n".getBytes(StandardCharsets.US_ASCII), request.body());
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        assertEquals(0, position, "the body must start with the first delimiter");
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                assertEquals("\r\n", new String(body, afterDelimiter + 2, body.length - afterDelimiter - 2,
                        StandardCharsets.US_ASCII), "only a line break may follow the closing delimiter");
                return parts;
            }
            int partStart = afterDelimiter + 2;
            int next = indexOf(body, delimiter, partStart);
            assertTrue(next > 0, "a part is not terminated");
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), partStart);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : new String(body, partStart, headersEnd - partStart, StandardCharsets.UTF_8)
                    .split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
            parts.add(new Part(headers, content));
            position = next;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
