package io.certana.cli.client;

import java.net.URI;

/** The three Certana services, with the flag and variable that set each one's URL, for messages. */
public enum Service {
    IDENTITY("identity-service", "--identity-url", SettingsResolver.IDENTITY_URL_VARIABLE),
    ASSET("asset-service", "--asset-url", SettingsResolver.ASSET_URL_VARIABLE),
    VERIFICATION("verification-service", "--verification-url", SettingsResolver.VERIFICATION_URL_VARIABLE);

    private final String displayName;
    private final String flag;
    private final String variable;

    Service(String displayName, String flag, String variable) {
        this.displayName = displayName;
        this.flag = flag;
        this.variable = variable;
    }

    /** Returns the service's name as the project uses it, such as {@code asset-service}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the command-line flag that sets the service's URL. */
    public String flag() {
        return flag;
    }

    /** Returns the environment variable that sets the service's URL. */
    public String variable() {
        return variable;
    }

    /** Returns this service's base URL in the settings. */
    public URI baseUrl(ClientSettings settings) {
        return switch (this) {
            case IDENTITY -> settings.identityUrl();
            case ASSET -> settings.assetUrl();
            case VERIFICATION -> settings.verificationUrl();
        };
    }
}
