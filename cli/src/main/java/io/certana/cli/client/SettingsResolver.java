package io.certana.cli.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves {@link ClientSettings}: each value comes from the first source that sets it, in the
 * order command-line flags, environment ({@value #IDENTITY_URL_VARIABLE}, {@value #ASSET_URL_VARIABLE},
 * {@value #VERIFICATION_URL_VARIABLE}, {@value #API_KEY_VARIABLE}), config file ({@link ConfigFile}),
 * and the local defaults. Empty values count as unset.
 */
public final class SettingsResolver {

    public static final String IDENTITY_URL_VARIABLE = "CERTANA_IDENTITY_URL";
    public static final String ASSET_URL_VARIABLE = "CERTANA_ASSET_URL";
    public static final String VERIFICATION_URL_VARIABLE = "CERTANA_VERIFICATION_URL";
    public static final String API_KEY_VARIABLE = "CERTANA_API_KEY";

    /**
     * Values given on the command line; null where a flag was not given.
     *
     * @param apiKey a key given as a flag (only {@code certana login} has one)
     */
    public record Flags(URI identityUrl, URI assetUrl, URI verificationUrl, String apiKey) {

        /** No flags given. */
        public static final Flags NONE = new Flags(null, null, null, null);

        @Override
        public String toString() {
            return "Flags[identityUrl=" + identityUrl + ", assetUrl=" + assetUrl + ", verificationUrl="
                    + verificationUrl + ", apiKey=" + (apiKey == null ? "none" : "<hidden>") + "]";
        }
    }

    private final Map<String, String> environment;
    private final ConfigFile configFile;

    /**
     * @param environment the environment variables to read
     * @param home the user's home folder, for the default config file location
     */
    public SettingsResolver(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.configFile = new ConfigFile(ConfigFile.locate(this.environment, home));
    }

    /** Returns a resolver over the process environment and the {@code user.home} folder. */
    public static SettingsResolver forCurrentUser() {
        return new SettingsResolver(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public ConfigFile configFile() {
        return configFile;
    }

    /**
     * Resolves the settings.
     *
     * @throws SettingsException when the config file cannot be read or a URL is invalid; the message
     *     names the flag, variable or file key
     */
    public ClientSettings resolve(Flags flags) throws SettingsException {
        Properties file = readConfigFile();
        URI identity = url(flags.identityUrl(), "--identity-url", IDENTITY_URL_VARIABLE, file, ConfigFile.IDENTITY_URL,
                ClientSettings.DEFAULT_IDENTITY_URL);
        URI asset = url(flags.assetUrl(), "--asset-url", ASSET_URL_VARIABLE, file, ConfigFile.ASSET_URL,
                ClientSettings.DEFAULT_ASSET_URL);
        URI verification = url(flags.verificationUrl(), "--verification-url", VERIFICATION_URL_VARIABLE, file,
                ConfigFile.VERIFICATION_URL, ClientSettings.DEFAULT_VERIFICATION_URL);
        String apiKey = firstSet(flags.apiKey(), environment.get(API_KEY_VARIABLE),
                file.getProperty(ConfigFile.API_KEY));
        return new ClientSettings(identity, asset, verification, apiKey);
    }

    /**
     * Describes where the API key of {@link #resolve} comes from, for messages: the flag, the
     * variable or the config file with its path. Returns null when no source sets a key.
     */
    public String apiKeySource(Flags flags) throws SettingsException {
        if (isSet(flags.apiKey())) {
            return "--api-key";
        }
        if (isSet(environment.get(API_KEY_VARIABLE))) {
            return "environment variable " + API_KEY_VARIABLE;
        }
        if (isSet(readConfigFile().getProperty(ConfigFile.API_KEY))) {
            return "config file " + configFile.path();
        }
        return null;
    }

    private Properties readConfigFile() throws SettingsException {
        try {
            return configFile.read();
        } catch (IOException | IllegalArgumentException e) {
            // Properties.load raises IllegalArgumentException for a malformed Unicode escape.
            throw new SettingsException("Cannot read the config file " + configFile.path() + ": " + e.getMessage(), e);
        }
    }

    private URI url(URI flag, String flagName, String variable, Properties file, String fileKey, URI fallback)
            throws SettingsException {
        if (flag != null) {
            return checkedUrl(flag.toString(), flagName);
        }
        String fromEnvironment = environment.get(variable);
        if (isSet(fromEnvironment)) {
            return checkedUrl(fromEnvironment, "environment variable " + variable);
        }
        String fromFile = file.getProperty(fileKey);
        if (isSet(fromFile)) {
            return checkedUrl(fromFile, "key " + fileKey + " of " + configFile.path());
        }
        return fallback;
    }

    /** Parses an absolute http or https URL with a host; the message names where the value came from. */
    static URI checkedUrl(String value, String source) throws SettingsException {
        String trimmed = value.trim();
        URI uri = null;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            // Reported below with the expected form.
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new SettingsException("Invalid URL in " + source + ": '" + trimmed
                    + "' is not an absolute http or https URL such as http://127.0.0.1:8081");
        }
        return uri;
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (isSet(value)) {
                return value.trim();
            }
        }
        return null;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
