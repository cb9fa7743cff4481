package io.certana.deploy.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/** Validates manifests against the schemas of a {@link SchemaCatalog} with the networknt validator. */
public final class SchemaValidation {

    private final SchemaCatalog catalog;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Schema> compiled = new HashMap<>();

    public SchemaValidation(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** Returns one finding per schema violation; a kind without a schema is a finding too. */
    public List<Finding> validate(Manifest manifest) {
        if (manifest.apiVersion().isEmpty() || manifest.kind().isEmpty()) {
            return List.of(Finding.of(manifest, "", "apiVersion and kind are required"));
        }
        Optional<Schema> schema = schemaOf(manifest.apiVersion(), manifest.kind());
        if (schema.isEmpty()) {
            return List.of(Finding.of(manifest, "", "no schema for apiVersion " + manifest.apiVersion()
                    + ", kind " + manifest.kind() + "; known: " + String.join(", ", catalog.kinds())));
        }
        List<Finding> findings = new ArrayList<>();
        for (Error error : schema.get().validate(manifest.content())) {
            findings.add(Finding.of(manifest, pointer(error), message(error)));
        }
        return findings;
    }

    private Optional<Schema> schemaOf(String apiVersion, String kind) {
        String key = apiVersion + "/" + kind;
        Schema schema = compiled.get(key);
        if (schema == null) {
            Optional<JsonNode> json = catalog.find(apiVersion, kind);
            if (json.isEmpty()) {
                return Optional.empty();
            }
            schema = registry.getSchema(json.get());
            compiled.put(key, schema);
        }
        return Optional.of(schema);
    }

    /** Returns the validator's message, or for a quantity that fails its regular expression, the expected format. */
    private static String message(Error error) {
        if ("pattern".equals(error.getKeyword())
                && KubernetesModelSchemas.QUANTITY_PATTERN.equals(patternOf(error))) {
            return "'" + error.getInstanceNode().asText() + "' is not a Kubernetes quantity such as 512Mi, 2Gi or 250m (pattern)";
        }
        return error.getMessage();
    }

    /** Returns the regular expression that failed. The validator reports either the keyword's value or its schema object. */
    private static String patternOf(Error error) {
        JsonNode schema = error.getSchemaNode();
        return schema.isTextual() ? schema.asText() : schema.path("pattern").asText();
    }

    /** Converts the instance location to a JSON pointer (RFC 6901) such as {@code /spec/replicas}. */
    private static String pointer(Error error) {
        NodePath path = error.getInstanceLocation();
        if (path.getNameCount() == 0) {
            return "/";
        }
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            String element = String.valueOf(path.getElement(i));
            pointer.append('/').append(element.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
