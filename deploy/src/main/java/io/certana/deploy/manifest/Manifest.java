package io.certana.deploy.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object read from a YAML stream.
 *
 * @param source where the stream came from, such as {@code overlays/prod} or a file name
 * @param document position of the object in its stream, counted from 1
 * @param content the object as a JSON tree
 */
public record Manifest(String source, int document, JsonNode content) {

    public String apiVersion() {
        return content.path("apiVersion").asText("");
    }

    public String kind() {
        return content.path("kind").asText("");
    }

    public String name() {
        return content.path("metadata").path("name").asText("");
    }

    /** {@code Kind/name}, or the document number when the object has no kind or name. */
    public String describe() {
        if (kind().isEmpty() || name().isEmpty()) {
            return "document " + document;
        }
        return kind() + "/" + name();
    }

    public boolean is(String apiVersion, String kind) {
        return apiVersion().equals(apiVersion) && kind().equals(kind);
    }
}
