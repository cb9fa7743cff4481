package io.certana.asset.quota;

/** verification-service could not be reached, timed out or failed, so no quota was reserved. */
public class QuotaUnavailableException extends RuntimeException {

    public QuotaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
