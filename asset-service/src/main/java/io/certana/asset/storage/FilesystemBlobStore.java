package io.certana.asset.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import io.certana.asset.config.AssetConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@link BlobStore} on a local or mounted filesystem under {@code certana.asset.storage.root}.
 *
 * <p>Writes go to a temporary file under {@code <root>/tmp}, which is fsynced and then renamed
 * into place atomically, so neither a reader nor a crash finds half a blob. The parent folder is
 * fsynced after the rename so that the new name survives a power loss too.
 */
@Startup
@ApplicationScoped
public class FilesystemBlobStore implements BlobStore {

    private final Path root;
    private final Path temporary;

    @Inject
    public FilesystemBlobStore(AssetConfig config) throws IOException {
        this(config.storage().root());
    }

    /** Creates a store under {@code root}, creating the folder when it is missing. */
    public FilesystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.temporary = root.resolve("tmp");
        Files.createDirectories(temporary);
        Log.infof("Blob store at %s", this.root);
    }

    /** Root folder of the store. */
    public Path root() {
        return root;
    }

    @Override
    public String putFile(Path source, String sha256Hex) throws IOException {
        String key = BlobStore.keyFor(sha256Hex);
        Path target = resolve(key);
        if (Files.exists(target)) {
            Files.deleteIfExists(source);
            return key;
        }
        Files.createDirectories(target.getParent());
        force(source);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // The upload folder is on another filesystem: copy into the store's own temporary
            // folder first, so the final step is still an atomic rename.
            Path copy = newTemporaryFile();
            try {
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                publish(copy, target);
            } finally {
                Files.deleteIfExists(copy);
            }
            Files.deleteIfExists(source);
            return key;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(source);
            return key;
        }
        forceDirectory(target.getParent());
        return key;
    }

    @Override
    public String putBytes(byte[] data, String sha256Hex) throws IOException {
        String key = BlobStore.keyFor(sha256Hex);
        Path target = resolve(key);
        if (Files.exists(target)) {
            return key;
        }
        Files.createDirectories(target.getParent());
        Path copy = newTemporaryFile();
        try {
            try (OutputStream out = Files.newOutputStream(copy, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(data);
            }
            publish(copy, target);
        } finally {
            Files.deleteIfExists(copy);
        }
        return key;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public byte[] readAll(String key) throws IOException {
        return Files.readAllBytes(resolve(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(resolve(key));
    }

    @Override
    public boolean writable() {
        return Files.isDirectory(temporary) && Files.isWritable(temporary);
    }

    /** Maps a key to its path, refusing keys that do not have the content-address shape. */
    private Path resolve(String key) {
        if (key == null || !key.matches("sha256/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return root.resolve(key);
    }

    private Path newTemporaryFile() throws IOException {
        return Files.createFile(temporary.resolve(UUID.randomUUID() + ".part"));
    }

    /** Makes a complete temporary file durable, then renames it to its final name. */
    private static void publish(Path complete, Path target) throws IOException {
        force(complete);
        try {
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same content first; its copy is identical.
            return;
        }
        forceDirectory(target.getParent());
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
