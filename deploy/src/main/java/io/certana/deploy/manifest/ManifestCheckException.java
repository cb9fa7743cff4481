package io.certana.deploy.manifest;

/** The check could not run: kubectl is missing or failed, or a stream is not valid YAML. */
public class ManifestCheckException extends RuntimeException {

    public ManifestCheckException(String message) {
        super(message);
    }

    public ManifestCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
