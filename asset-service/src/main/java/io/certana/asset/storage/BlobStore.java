package io.certana.asset.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed storage of originals and watermarked outputs. A blob's key is derived from the
 * SHA-256 of its bytes ({@code sha256/ab/cd/<hex>}), so storing the same bytes twice keeps one copy
 * and a key never names two contents. Implementations must make a blob visible only once it is
 * complete and durable.
 */
public interface BlobStore {

    /** Returns the key of the bytes whose SHA-256 is {@code sha256Hex} (64 lower-case hex digits). */
    static String keyFor(String sha256Hex) {
        if (sha256Hex == null || !sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: " + sha256Hex);
        }
        return "sha256/" + sha256Hex.substring(0, 2) + "/" + sha256Hex.substring(2, 4) + "/" + sha256Hex;
    }

    /**
     * Stores a file under the key of its SHA-256, moving it when the store can (the file is gone
     * afterwards either way). When the key exists already, the file is discarded.
     *
     * @return the key
     */
    String putFile(Path source, String sha256Hex) throws IOException;

    /** Stores bytes under the key of their SHA-256; a no-op when the key exists. */
    String putBytes(byte[] data, String sha256Hex) throws IOException;

    boolean exists(String key) throws IOException;

    /** Size of a blob, in bytes. @throws java.nio.file.NoSuchFileException when it does not exist */
    long size(String key) throws IOException;

    /** Opens a blob for reading. @throws java.nio.file.NoSuchFileException when it does not exist */
    InputStream open(String key) throws IOException;

    /** Reads a whole blob into memory. @throws java.nio.file.NoSuchFileException when it does not exist */
    byte[] readAll(String key) throws IOException;

    /** Deletes a blob; returns false when it did not exist. */
    boolean delete(String key) throws IOException;

    /** Returns whether the store can be written now, for the readiness check. */
    boolean writable();
}
