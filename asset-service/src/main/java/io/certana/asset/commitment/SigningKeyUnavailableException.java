package io.certana.asset.commitment;

/**
 * An organization's signing key cannot be used: its reference is malformed or names another
 * organization, or the stored key does not unwrap under the configured master key. Retrying does
 * not help; an operator has to fix the configuration or the data.
 */
public class SigningKeyUnavailableException extends RuntimeException {

    public SigningKeyUnavailableException(String message) {
        super(message);
    }

    public SigningKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
