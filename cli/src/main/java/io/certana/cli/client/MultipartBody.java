package io.certana.cli.client;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} request body (RFC 7578) for {@link java.net.http.HttpClient}. Text
 * fields are held in memory. File parts are read from disk while the request is sent, so a large
 * upload is never copied into memory. The body's length is known in advance, so it is sent with
 * a {@code Content-Length} header.
 */
public final class MultipartBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CRLF = "\r\n";
    private static final Map<String, String> IMAGE_TYPES = Map.of(
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "webp", "image/webp",
            "tif", "image/tiff",
            "tiff", "image/tiff",
            "bmp", "image/bmp",
            "gif", "image/gif");

    private final String boundary;
    private final List<HttpRequest.BodyPublisher> publishers = new ArrayList<>();

    /** Starts an empty body with a random boundary. */
    public MultipartBody() {
        this("certana-" + HexFormat.of().formatHex(randomBytes(16)));
    }

    /** Starts an empty body with the given boundary, which must not occur in any part. */
    MultipartBody(String boundary) {
        this.boundary = boundary;
    }

    /** Returns the value of the request's {@code Content-Type} header, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Adds a text field, sent as UTF-8. */
    public MultipartBody addText(String name, String value) {
        String head = "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"" + escape(name) + "\"" + CRLF
                + "Content-Type: text/plain; charset=UTF-8" + CRLF
                + CRLF;
        publishers.add(HttpRequest.BodyPublishers.ofString(head + value + CRLF, StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Adds a file part whose bytes are read from {@code file} when the body is sent. The part's
     * file name is the path's last element.
     *
     * @param mediaType the part's {@code Content-Type}, such as {@link #mediaTypeOf(Path)} returns
     * @throws NoSuchFileException when the file does not exist or is not a regular file
     */
    public MultipartBody addFile(String name, Path file, String mediaType) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, Files.exists(file) ? "not a regular file" : null);
        }
        HttpRequest.BodyPublisher content;
        try {
            content = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(file.toString());
        }
        String head = "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"" + escape(name) + "\"; filename=\""
                + escape(file.getFileName().toString()) + "\"" + CRLF
                + "Content-Type: " + mediaType + CRLF
                + CRLF;
        publishers.add(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8));
        publishers.add(content);
        publishers.add(HttpRequest.BodyPublishers.ofString(CRLF, StandardCharsets.UTF_8));
        return this;
    }

    /** Returns a publisher of the whole body, ending with the closing boundary. Each call sends the files again. */
    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(publishers);
        all.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--" + CRLF, StandardCharsets.US_ASCII));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** Returns the image media type for the file's extension, or {@code application/octet-stream}. */
    public static String mediaTypeOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return IMAGE_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /**
     * Escapes a field or file name for a quoted header parameter as the HTML standard's form
     * encoding does: double quotes and line breaks become percent escapes, other characters stay
     * UTF-8.
     */
    static String escape(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
