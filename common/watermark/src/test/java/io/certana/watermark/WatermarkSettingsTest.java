package io.certana.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings built from a service's configuration. */
class WatermarkSettingsTest {

    @TempDir
    Path temp;

    @Test
    void configurationWithoutModel() {
        WatermarkSettings settings = WatermarkSettings.fromConfiguration("a-key-of-twenty-bytes", Optional.empty());

        assertEquals(21, settings.secretKey().length);
        assertTrue(settings.neuralModel().isEmpty());
    }

    @Test
    void shortKeyNamesConfigurationKey() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WatermarkSettings.fromConfiguration("short", Optional.empty()));

        assertTrue(error.getMessage().contains("certana.watermark.key"), error.getMessage());
        assertTrue(error.getMessage().contains("got 5"), error.getMessage());
    }

    @Test
    void unusableModelFolderNamesIt() {
        Path empty = temp.resolve("no-model");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WatermarkSettings.fromConfiguration("a-key-of-twenty-bytes", Optional.of(empty)));

        assertTrue(error.getMessage().contains("certana.watermark.model-dir"), error.getMessage());
        assertTrue(error.getMessage().contains(empty.toString()), error.getMessage());
    }
}
