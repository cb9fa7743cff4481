package io.certana.identity.devbootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads and writes the dev bootstrap's credentials file. A write goes to a temporary file in the
 * same folder, which is then renamed over the old file, so a reader sees the old or the new
 * content and never a partial one. On POSIX file systems the file is created with mode 0600 and
 * missing folders with mode 0700.
 */
@ApplicationScoped
public class CredentialsFile {

    static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private final ObjectMapper mapper;

    public CredentialsFile(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads the credentials, or returns empty when the file is missing or cannot be parsed, so
     * that the caller writes a new one.
     */
    public Optional<DemoCredentials> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            // A file that contains only "null" parses to null.
            return Optional.ofNullable(mapper.readValue(Files.readAllBytes(file), DemoCredentials.class));
        } catch (JsonProcessingException e) {
            // The original message names the parse error without the surrounding file content,
            // which may contain the password.
            Log.warnf("Could not parse the dev bootstrap credentials file %s (%s); writing a new one", file,
                    e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            Log.warnf("Could not read the dev bootstrap credentials file %s (%s); writing a new one", file, e);
            return Optional.empty();
        }
    }

    /** Writes the credentials atomically, creating missing parent folders. */
    public void write(Path file, DemoCredentials credentials) {
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        boolean posix = isPosix(folder);
        try {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER_PERMISSIONS));
            } else {
                Files.createDirectories(folder);
            }
            Path temporary = posix
                    ? Files.createTempFile(folder, "." + target.getFileName(), ".tmp",
                            PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
                    : Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            try {
                Files.write(temporary, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(credentials));
                // Within one folder on a POSIX file system an atomic move is rename(2), which
                // replaces the old file.
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the dev bootstrap credentials file " + target
                    + ". Check that its folder is writable or set certana.identity.dev-bootstrap.credentials-file.",
                    e);
        }
    }

    /** Sets mode 0600 on an existing file whose mode is wider, without changing its content. */
    public void restrictPermissions(Path file) {
        if (!isPosix(file) || !Files.exists(file)) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(file).equals(FILE_PERMISSIONS)) {
                Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
                Log.infof("Set the mode of the dev bootstrap credentials file %s to 0600", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set mode 0600 on " + file, e);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
