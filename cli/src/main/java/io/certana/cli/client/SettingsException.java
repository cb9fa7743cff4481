package io.certana.cli.client;

/** The settings could not be resolved: an invalid URL in a flag, variable or the config file, or an unreadable config file. */
public final class SettingsException extends Exception {

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
