package io.certana.deploy.manifest;

/**
 * One problem in a manifest: what is wrong and where.
 *
 * @param source the rendered overlay or file that contains the object
 * @param resource {@code Kind/name} of the object
 * @param location JSON pointer into the object, or empty for the object as a whole
 * @param message what is wrong
 */
public record Finding(String source, String resource, String location, String message) {

    static Finding of(Manifest manifest, String location, String message) {
        return new Finding(manifest.source(), manifest.describe(), location, message);
    }

    @Override
    public String toString() {
        String where = location.isEmpty() ? resource : resource + " " + location;
        return source + ": " + where + ": " + message;
    }
}
