package io.certana.asset.anchor.backend;

/**
 * A backend could not submit or check an anchor: the node is unreachable, answered with an error,
 * or the account lacks funds. The tracker logs it and tries again later.
 */
public class AnchorBackendException extends RuntimeException {

    public AnchorBackendException(String message) {
        super(message);
    }

    public AnchorBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
