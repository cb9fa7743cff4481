package io.certana.cli.online;

import java.net.URI;

import io.certana.cli.client.ClientSettings;
import io.certana.cli.client.SettingsException;
import io.certana.cli.client.SettingsResolver;
import picocli.CommandLine.Option;

/** The service URL flags that every online command accepts; each takes precedence over its variable and the config file. */
public final class ServiceOptions {

    @Option(names = "--identity-url", paramLabel = "URL",
            description = "identity-service base URL. Default: " + SettingsResolver.IDENTITY_URL_VARIABLE
                    + ", else identity-url in the config file, else http://127.0.0.1:8081.")
    URI identityUrl;

    @Option(names = "--asset-url", paramLabel = "URL",
            description = "asset-service base URL. Default: " + SettingsResolver.ASSET_URL_VARIABLE
                    + ", else asset-url in the config file, else http://127.0.0.1:8082.")
    URI assetUrl;

    @Option(names = "--verification-url", paramLabel = "URL",
            description = "verification-service base URL. Default: " + SettingsResolver.VERIFICATION_URL_VARIABLE
                    + ", else verification-url in the config file, else http://127.0.0.1:8083.")
    URI verificationUrl;

    /** Returns the flags for the resolver, with an API key given on the command line (or null). */
    SettingsResolver.Flags flags(String apiKey) {
        return new SettingsResolver.Flags(identityUrl, assetUrl, verificationUrl, apiKey);
    }

    /**
     * Resolves the settings from these flags, the environment and the config file. Reports the
     * error and returns null when a URL is invalid or the config file cannot be read.
     */
    ClientSettings resolve(SettingsResolver resolver, String apiKey, ErrorLines errors) {
        try {
            return resolver.resolve(flags(apiKey));
        } catch (SettingsException e) {
            errors.report("certana: " + e.getMessage());
            return null;
        }
    }
}
