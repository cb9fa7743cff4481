package io.certana.asset.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void keyIsContentAddressed() {
        String hash = "ab" + "cd" + "0".repeat(60);
        assertEquals("sha256/ab/cd/" + hash, BlobStore.keyFor(hash));
        assertThrows(IllegalArgumentException.class, () -> BlobStore.keyFor("AB" + "0".repeat(62)));
        assertThrows(IllegalArgumentException.class, () -> BlobStore.keyFor("../etc/passwd"));
    }

    @Test
    void putFileMovesIntoPlace() throws Exception {
        FilesystemBlobStore store = new FilesystemBlobStore(root.resolve("store"));
        byte[] data = "original bytes".getBytes(StandardCharsets.UTF_8);
        Path upload = Files.write(root.resolve("upload.tmp"), data);

        String key = store.putFile(upload, sha256(data));
        assertFalse(Files.exists(upload), "the upload was copied, not moved");
        assertTrue(store.exists(key));
        assertEquals(data.length, store.size(key));
        assertArrayEquals(data, store.readAll(key));
        assertEquals(0, temporaryFiles(store), "a temporary file was left behind");
    }

    @Test
    void secondPutOfSameBytesKeepsOneCopy() throws Exception {
        FilesystemBlobStore store = new FilesystemBlobStore(root.resolve("store"));
        byte[] data = "same bytes".getBytes(StandardCharsets.UTF_8);
        String first = store.putBytes(data, sha256(data));
        Path upload = Files.write(root.resolve("again.tmp"), data);
        String second = store.putFile(upload, sha256(data));

        assertEquals(first, second);
        assertFalse(Files.exists(upload), "the duplicate upload was not discarded");
        assertArrayEquals(data, store.readAll(first));
    }

    @Test
    void deleteRemovesBlob() throws Exception {
        FilesystemBlobStore store = new FilesystemBlobStore(root.resolve("store"));
        byte[] data = "to delete".getBytes(StandardCharsets.UTF_8);
        String key = store.putBytes(data, sha256(data));

        assertTrue(store.delete(key));
        assertFalse(store.exists(key));
        assertFalse(store.delete(key));
        assertThrows(NoSuchFileException.class, () -> store.readAll(key));
    }

    @Test
    void malformedKeyIsRejected() throws Exception {
        FilesystemBlobStore store = new FilesystemBlobStore(root.resolve("store"));
        assertThrows(IllegalArgumentException.class, () -> store.open("sha256/../../secret"));
        assertThrows(IllegalArgumentException.class, () -> store.delete("tmp/anything"));
    }

    private static long temporaryFiles(FilesystemBlobStore store) throws IOException {
        try (Stream<Path> files = Files.list(store.root().resolve("tmp"))) {
            return files.count();
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
