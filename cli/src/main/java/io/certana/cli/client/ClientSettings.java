package io.certana.cli.client;

import java.net.URI;
import java.util.Objects;

/**
 * Base URLs of the three Certana services, and the API key to call them with.
 * {@link SettingsResolver} builds one from command-line flags, the environment and the config file.
 *
 * @param identityUrl base URL of identity-service, such as {@code http://127.0.0.1:8081}
 * @param assetUrl base URL of asset-service
 * @param verificationUrl base URL of verification-service
 * @param apiKey an API key ({@code cert_pk_...}), or null to call anonymously
 */
public record ClientSettings(URI identityUrl, URI assetUrl, URI verificationUrl, String apiKey) {

    /** identity-service's local default. */
    public static final URI DEFAULT_IDENTITY_URL = URI.create("http://127.0.0.1:8081");
    /** asset-service's local default. */
    public static final URI DEFAULT_ASSET_URL = URI.create("http://127.0.0.1:8082");
    /** verification-service's local default. */
    public static final URI DEFAULT_VERIFICATION_URL = URI.create("http://127.0.0.1:8083");

    /** Length of the part of a key that may be shown: {@code cert_pk_} and 8 characters, as identity-service shows it. */
    private static final int DISPLAY_PREFIX_LENGTH = "cert_pk_".length() + 8;

    public ClientSettings {
        Objects.requireNonNull(identityUrl, "identityUrl");
        Objects.requireNonNull(assetUrl, "assetUrl");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
    }

    /** Returns the local defaults, without an API key. */
    public static ClientSettings defaults() {
        return new ClientSettings(DEFAULT_IDENTITY_URL, DEFAULT_ASSET_URL, DEFAULT_VERIFICATION_URL, null);
    }

    /** Returns a copy with another API key (null for none). */
    public ClientSettings withApiKey(String key) {
        return new ClientSettings(identityUrl, assetUrl, verificationUrl, key);
    }

    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** Returns the key's first characters followed by an ellipsis, safe to print, or null without a key. */
    public String apiKeyPrefix() {
        return apiKey == null ? null : displayPrefix(apiKey);
    }

    /**
     * Returns the first characters of a key followed by an ellipsis: the prefix that identity-service
     * also shows, or a quarter of a key too short to be a real one, so that most of it stays hidden.
     */
    public static String displayPrefix(String key) {
        int visibleLength = key.length() >= 2 * DISPLAY_PREFIX_LENGTH ? DISPLAY_PREFIX_LENGTH : key.length() / 4;
        return key.substring(0, visibleLength) + "…";
    }

    /** Shows the URLs and only the key's prefix, so that logging settings never prints the key. */
    @Override
    public String toString() {
        return "ClientSettings[identityUrl=" + identityUrl + ", assetUrl=" + assetUrl + ", verificationUrl="
                + verificationUrl + ", apiKey=" + (apiKey == null ? "none" : apiKeyPrefix()) + "]";
    }
}
