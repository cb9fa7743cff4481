package io.certana.cli.client;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The CLI's config file, a Java properties file with the keys {@value #IDENTITY_URL},
 * {@value #ASSET_URL}, {@value #VERIFICATION_URL} and {@value #API_KEY}. Because it contains an API
 * key, it is written with permissions 0600 (in a folder created with 0700) on POSIX file systems,
 * and replaced atomically, so a reader never sees half a file.
 */
public final class ConfigFile {

    public static final String IDENTITY_URL = "identity-url";
    public static final String ASSET_URL = "asset-url";
    public static final String VERIFICATION_URL = "verification-url";
    public static final String API_KEY = "api-key";

    /** Environment variable naming the config file; it overrides the XDG location. */
    public static final String PATH_VARIABLE = "CERTANA_CONFIG";

    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    /**
     * Returns the config file's location: {@code $CERTANA_CONFIG} if set, else
     * {@code $XDG_CONFIG_HOME/certana/config.properties}, else {@code <home>/.config/certana/config.properties}.
     */
    public static Path locate(Map<String, String> environment, Path home) {
        String explicit = environment.get(PATH_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        // The XDG Base Directory specification requires ignoring a relative XDG_CONFIG_HOME.
        Path configHome = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".config");
        return configHome.resolve("certana").resolve("config.properties");
    }

    public Path path() {
        return path;
    }

    /** Reads the file; a missing file gives empty properties. */
    public Properties read() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            // Nothing configured yet.
        }
        return properties;
    }

    /**
     * Sets the given keys, keeps the file's other keys, and replaces the file atomically. A null
     * value removes its key.
     */
    public void update(Map<String, String> values) throws IOException {
        Properties properties = read();
        values.forEach((key, value) -> {
            if (value == null) {
                properties.remove(key);
            } else {
                properties.setProperty(key, value);
            }
        });
        write(properties);
    }

    private void write(Properties properties) throws IOException {
        Path target = path.toAbsolutePath();
        Path folder = target.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER_PERMISSIONS));
            } else {
                Files.createDirectories(folder);
            }
        }
        // The temporary file gets its permissions at creation, so the key is never readable by others.
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp", attributes);
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "certana CLI settings, written by certana login. "
                        + "It contains an API key: keep it private.");
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
