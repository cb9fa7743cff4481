package io.certana.deploy.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads multi-document YAML streams of Kubernetes objects into {@link Manifest}s. */
public final class ManifestReader {

    private static final YAMLMapper YAML = new YAMLMapper();

    private ManifestReader() {
    }

    /** Parses every non-empty document of {@code yaml}; a document that is not a mapping is an error. */
    public static List<Manifest> read(String source, String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int position = 0;
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                position++;
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new ManifestCheckException(source + ": document " + position
                            + " is not a YAML mapping but " + document.getNodeType());
                }
                manifests.add(new Manifest(source, position, document));
            }
        } catch (IOException e) {
            throw new ManifestCheckException(source + ": invalid YAML: " + e.getMessage(), e);
        }
        return manifests;
    }

    /** Reads a YAML file, naming it by its path relative to {@code base}. */
    public static List<Manifest> read(Path base, Path file) {
        try {
            return read(base.relativize(file).toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
