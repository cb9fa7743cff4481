package io.certana.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads HTTP/1.1 responses from a socket, for the tests that write requests by hand: a request
 * whose Content-Length lies, or several requests on one connection.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * Reads one response head and, when it announces a Content-Length, its body.
     *
     * @return the headers with lower-case names, and the status code under ":status"
     */
    static Map<String, String> readResponse(InputStream in) throws IOException {
        Map<String, String> head = readHead(in);
        String length = head.get("content-length");
        if (length != null) {
            byte[] body = in.readNBytes(Integer.parseInt(length));
            head.put(":body", new String(body, StandardCharsets.UTF_8));
        }
        return head;
    }

    /**
     * Reads one response head, without its body.
     *
     * @return the headers with lower-case names, and the status code under ":status"
     */
    static Map<String, String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no response head within the socket timeout; received: " + head, e);
        }
        return parseHead(head.toString(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> parseHead(String head) {
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        String[] statusLine = lines[0].split(" ");
        assertTrue(statusLine.length >= 2, "status line: " + lines[0]);
        headers.put(":status", statusLine[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
