package io.certana.deploy.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas manifests are validated against, by apiVersion and kind: built-in kinds from
 * {@link KubernetesModelSchemas}, custom resources from hand-written files named
 * {@code <group>_<version>_<Kind>.json} in a schema folder (deploy/schemas). A kind with no schema
 * here is reported, never skipped.
 */
public final class SchemaCatalog {

    /** Built-in kinds the check knows; each maps to the client model {@code V<version><Kind>}. */
    static final List<String> BUILT_IN_KINDS = List.of(
            "v1/Namespace", "v1/ConfigMap", "v1/Secret", "v1/Service", "v1/ServiceAccount",
            "v1/PersistentVolumeClaim", "v1/Pod",
            "apps/v1/Deployment", "apps/v1/StatefulSet",
            "batch/v1/Job", "batch/v1/CronJob",
            "autoscaling/v2/HorizontalPodAutoscaler",
            "policy/v1/PodDisruptionBudget",
            "networking.k8s.io/v1/NetworkPolicy", "networking.k8s.io/v1/Ingress",
            "rbac.authorization.k8s.io/v1/Role", "rbac.authorization.k8s.io/v1/RoleBinding");

    private static final String MODEL_PACKAGE = "io.kubernetes.client.openapi.models.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> schemas = new LinkedHashMap<>();

    private SchemaCatalog() {
    }

    /**
     * Builds the catalog: the built-in schemas, written to {@code outputDir} as files named like
     * kubeconform's ({@code deployment-apps-v1.json}) so that they can be read and reused, plus the
     * custom resource schemas in {@code customSchemaDir}.
     */
    public static SchemaCatalog create(Path outputDir, Path customSchemaDir) {
        SchemaCatalog catalog = new SchemaCatalog();
        Path versionDir = outputDir.resolve("v" + KubernetesModelSchemas.KUBERNETES_VERSION + "-standalone-strict");
        try {
            Files.createDirectories(versionDir);
            for (String gvk : BUILT_IN_KINDS) {
                int slash = gvk.lastIndexOf('/');
                String apiVersion = gvk.substring(0, slash);
                String kind = gvk.substring(slash + 1);
                ObjectNode schema = KubernetesModelSchemas.schemaFor(modelClass(apiVersion, kind), apiVersion, kind);
                catalog.schemas.put(key(apiVersion, kind), schema);
                JSON.writerWithDefaultPrettyPrinter().writeValue(versionDir.resolve(fileName(apiVersion, kind)).toFile(), schema);
            }
            try (Stream<Path> files = Files.list(customSchemaDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    catalog.addCustom(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write or read schemas under " + outputDir + " or " + customSchemaDir, e);
        }
        return catalog;
    }

    public Optional<JsonNode> find(String apiVersion, String kind) {
        return Optional.ofNullable(schemas.get(key(apiVersion, kind)));
    }

    /** The apiVersion/kind pairs with a schema, for error messages. */
    public List<String> kinds() {
        return List.copyOf(schemas.keySet());
    }

    private void addCustom(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        String[] parts = name.split("_");
        if (parts.length != 3) {
            throw new ManifestCheckException("Custom resource schema " + file
                    + " is not named <group>_<version>_<Kind>.json");
        }
        schemas.put(key(parts[0] + "/" + parts[1], parts[2]), JSON.readTree(file.toFile()));
    }

    private static Class<?> modelClass(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        String className = MODEL_PACKAGE + "V" + version.substring(1) + kind;
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The Kubernetes client has no model " + className + " for " + apiVersion + " " + kind, e);
        }
    }

    private static String fileName(String apiVersion, String kind) {
        String groupVersion = apiVersion.contains("/")
                ? apiVersion.substring(0, apiVersion.indexOf('/')).split("\\.")[0] + "-" + apiVersion.substring(apiVersion.indexOf('/') + 1)
                : apiVersion;
        return kind.toLowerCase() + "-" + groupVersion + ".json";
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }
}
