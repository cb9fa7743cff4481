package io.certana.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

    @TempDir
    Path home;

    @Test
    void defaultsApplyWithoutSources() throws Exception {
        ClientSettings settings = new SettingsResolver(Map.of(), home).resolve(SettingsResolver.Flags.NONE);

        assertEquals(URI.create("http://127.0.0.1:8081"), settings.identityUrl());
        assertEquals(URI.create("http://127.0.0.1:8082"), settings.assetUrl());
        assertEquals(URI.create("http://127.0.0.1:8083"), settings.verificationUrl());
        assertNull(settings.apiKey());
    }

    @Test
    void flagsBeatEnvironmentBeatsFileBeatsDefaults() throws Exception {
        Path config = home.resolve(".config/certana/config.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, String.join("\n",
                "identity-url=http://file-identity:1",
                "asset-url=http://file-asset:2",
                "verification-url=http://file-verification:3",
                "api-key=cert_pk_fromfile"), StandardCharsets.UTF_8);
        Map<String, String> environment = Map.of(
                "CERTANA_ASSET_URL", "http://env-asset:20",
                "CERTANA_VERIFICATION_URL", "http://env-verification:30");
        SettingsResolver.Flags flags = new SettingsResolver.Flags(null, null, URI.create("http://flag-verification:300"),
                null);

        ClientSettings settings = new SettingsResolver(environment, home).resolve(flags);

        assertEquals(URI.create("http://file-identity:1"), settings.identityUrl());
        assertEquals(URI.create("http://env-asset:20"), settings.assetUrl());
        assertEquals(URI.create("http://flag-verification:300"), settings.verificationUrl());
        assertEquals("cert_pk_fromfile", settings.apiKey());
    }

    @Test
    void apiKeyPrecedenceAndSource() throws Exception {
        Path config = home.resolve("custom.properties");
        Files.writeString(config, "api-key=cert_pk_fromfile\n", StandardCharsets.UTF_8);
        Map<String, String> environment = new HashMap<>(Map.of("CERTANA_CONFIG", config.toString()));
        SettingsResolver.Flags withFlag = new SettingsResolver.Flags(null, null, null, "cert_pk_fromflag");

        SettingsResolver fileOnly = new SettingsResolver(environment, home);
        assertEquals("cert_pk_fromfile", fileOnly.resolve(SettingsResolver.Flags.NONE).apiKey());
        assertEquals("config file " + config, fileOnly.apiKeySource(SettingsResolver.Flags.NONE));

        environment.put("CERTANA_API_KEY", "cert_pk_fromenv");
        SettingsResolver withEnvironment = new SettingsResolver(environment, home);
        assertEquals("cert_pk_fromenv", withEnvironment.resolve(SettingsResolver.Flags.NONE).apiKey());
        assertEquals("environment variable CERTANA_API_KEY", withEnvironment.apiKeySource(SettingsResolver.Flags.NONE));
        assertEquals("cert_pk_fromflag", withEnvironment.resolve(withFlag).apiKey());
        assertEquals("--api-key", withEnvironment.apiKeySource(withFlag));
    }

    @Test
    void emptyValuesCountAsUnset() throws Exception {
        Map<String, String> environment = Map.of("CERTANA_IDENTITY_URL", " ", "CERTANA_API_KEY", "");

        SettingsResolver resolver = new SettingsResolver(environment, home);
        ClientSettings settings = resolver.resolve(SettingsResolver.Flags.NONE);

        assertEquals(ClientSettings.DEFAULT_IDENTITY_URL, settings.identityUrl());
        assertNull(settings.apiKey());
        assertNull(resolver.apiKeySource(SettingsResolver.Flags.NONE));
    }

    @Test
    void configFileLocation() {
        Path xdg = home.resolve("xdg");

        assertEquals(Path.of("/etc/certana.properties"),
                ConfigFile.locate(Map.of("CERTANA_CONFIG", "/etc/certana.properties", "XDG_CONFIG_HOME",
                        xdg.toString()), home));
        assertEquals(xdg.resolve("certana/config.properties"),
                ConfigFile.locate(Map.of("XDG_CONFIG_HOME", xdg.toString()), home));
        assertEquals(home.resolve(".config/certana/config.properties"), ConfigFile.locate(Map.of(), home));
        // The XDG Base Directory specification requires ignoring relative paths.
        assertEquals(home.resolve(".config/certana/config.properties"),
                ConfigFile.locate(Map.of("XDG_CONFIG_HOME", "relative/config"), home));
    }

    @Test
    void invalidUrlNamesItsSource() throws Exception {
        Path config = home.resolve("config.properties");
        Files.writeString(config, "asset-url=127.0.0.1:8082\n", StandardCharsets.UTF_8);
        SettingsResolver resolver = new SettingsResolver(Map.of("CERTANA_CONFIG", config.toString()), home);

        SettingsException fromFile = assertThrows(SettingsException.class,
                () -> resolver.resolve(SettingsResolver.Flags.NONE));
        SettingsException fromFlag = assertThrows(SettingsException.class, () -> resolver.resolve(
                new SettingsResolver.Flags(URI.create("ftp://127.0.0.1/"), null, null, null)));

        assertTrue(fromFile.getMessage().contains("key asset-url of " + config), fromFile.getMessage());
        assertTrue(fromFile.getMessage().contains("'127.0.0.1:8082'"), fromFile.getMessage());
        assertTrue(fromFlag.getMessage().contains("--identity-url"), fromFlag.getMessage());
    }

    @Test
    void settingsTextHidesApiKey() {
        String key = "cert_pk_ABCDEFGH" + "x".repeat(35);
        ClientSettings settings = ClientSettings.defaults().withApiKey(key);

        assertFalse(settings.toString().contains(key), settings.toString());
        assertTrue(settings.toString().contains("cert_pk_ABCDEFGH…"), settings.toString());
        assertEquals("cert_pk_ABCDEFGH…", settings.apiKeyPrefix());
        assertEquals("abc…", ClientSettings.displayPrefix("abcdefghijkl"));
        assertFalse(new SettingsResolver.Flags(null, null, null, key).toString().contains(key));
    }
}
