package io.certana.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path home;

    @Test
    void writtenFileIsPrivate() throws Exception {
        Path path = home.resolve(".config/certana/config.properties");
        ConfigFile file = new ConfigFile(path);

        file.update(Map.of(ConfigFile.API_KEY, "cert_pk_secret"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));
    }

    @Test
    void rewriteTightensLooseFile() throws Exception {
        Path path = home.resolve("config.properties");
        Files.writeString(path, "asset-url=http://127.0.0.1:9082\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        new ConfigFile(path).update(Map.of(ConfigFile.API_KEY, "cert_pk_secret"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void updateKeepsOtherKeysAndRemovesNulls() throws Exception {
        Path path = home.resolve("config.properties");
        ConfigFile file = new ConfigFile(path);
        file.update(Map.of(ConfigFile.ASSET_URL, "http://127.0.0.1:9082", ConfigFile.API_KEY, "cert_pk_old"));
        Map<String, String> change = new HashMap<>();
        change.put(ConfigFile.API_KEY, "cert_pk_new");
        change.put(ConfigFile.ASSET_URL, null);
        change.put(ConfigFile.IDENTITY_URL, "http://127.0.0.1:9081");

        file.update(change);
        Properties read = file.read();

        assertEquals("cert_pk_new", read.getProperty(ConfigFile.API_KEY));
        assertEquals("http://127.0.0.1:9081", read.getProperty(ConfigFile.IDENTITY_URL));
        assertNull(read.getProperty(ConfigFile.ASSET_URL));
    }

    @Test
    void updateLeavesNoTemporaryFiles() throws Exception {
        Path path = home.resolve("config.properties");
        ConfigFile file = new ConfigFile(path);

        file.update(Map.of(ConfigFile.API_KEY, "cert_pk_one"));
        file.update(Map.of(ConfigFile.API_KEY, "cert_pk_two"));

        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of(path), files.toList());
        }
    }

    @Test
    void missingFileReadsEmpty() throws Exception {
        Properties read = new ConfigFile(home.resolve("absent/config.properties")).read();

        assertTrue(read.isEmpty());
    }
}
