package io.certana.deploy.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.certana.deploy.DeployPaths;

/**
 * Checks each service's ConfigMap (deploy/base/&lt;service&gt;/config.env) against the configuration
 * that the packaged service declares, so that a misspelled variable, which the service would
 * silently ignore, fails the build, and so do values that drifted from changed service defaults.
 */
class ConfigMapKeysTest {

    /**
     * Values that differ from the service default on purpose: in Kubernetes the other services are
     * reached by Service name, blobs live on the mounted volume, and mail links point at the public host.
     */
    private static final Set<String> DELIBERATE = Set.of(
            "CERTANA_INTERNAL_IDENTITY_URL", "CERTANA_ASSET_QUOTA_VERIFICATION_URL", "CERTANA_VERIFICATION_ASSET_URL",
            "CERTANA_IDENTITY_MAIL_VERIFICATION_URL");

    /** Keys that application.properties reads through expressions instead of a mapping. */
    private static final Set<String> EXPRESSION_KEYS = Set.of(
            "CERTANA_DB_HOST", "CERTANA_DB_PORT", "CERTANA_DB_NAME", "CERTANA_JWT_PUBLIC_KEY_LOCATION");

    @Test
    void configMapKeysAreServiceProperties() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String service : List.of("identity-service", "asset-service", "verification-service")) {
            problems.addAll(problems(service, configEnv(service)));
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void misspelledKeyAndDriftedValueAreReported() throws Exception {
        Map<String, String> configMap = configEnv("asset-service");
        configMap.put("CERTANA_ASSET_JOBS_WORKER", "2");
        configMap.put("CERTANA_ASSET_MATCHING_PDQ_MAX_DISTANCE", "40");
        List<String> problems = problems("asset-service", configMap);
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("CERTANA_ASSET_JOBS_WORKER is no configuration property"), problems.get(0));
        assertTrue(problems.get(1).contains("differs from the service default 31"), problems.get(1));
    }

    /** Returns one message per ConfigMap key that the service does not read or whose value drifted from its default. */
    private static List<String> problems(String service, Map<String, String> configMap) throws Exception {
        Map<String, Optional<String>> byEnvironmentName = new TreeMap<>();
        ConfigMappings.of(quarkusApp(service))
                .forEach((property, value) -> byEnvironmentName.put(ConfigMappings.environmentName(property), value));
        assertTrue(byEnvironmentName.size() > 10, service + " declares its configuration mappings");
        String properties = Files.readString(DeployPaths.repository()
                .resolve(service).resolve("src/main/resources/application.properties"));

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : configMap.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith("CERTANA_")) {
                continue;
            }
            if (EXPRESSION_KEYS.contains(key)) {
                String expression = key.equals("CERTANA_JWT_PUBLIC_KEY_LOCATION") ? key
                        : "${" + key.toLowerCase().replace('_', '.');
                if (!properties.contains(expression)) {
                    problems.add(service + ": " + key + " is not read by its application.properties");
                }
                continue;
            }
            if (!byEnvironmentName.containsKey(key)) {
                problems.add(service + ": " + key + " is no configuration property of the service");
                continue;
            }
            Optional<String> serviceDefault = byEnvironmentName.get(key);
            if (serviceDefault.isPresent() && !serviceDefault.get().equals(entry.getValue()) && !DELIBERATE.contains(key)) {
                problems.add(service + ": " + key + "=" + entry.getValue() + " differs from the service default "
                        + serviceDefault.get() + "; update config.env, or list the key as deliberate with its reason");
            }
        }
        return problems;
    }

    private static Path quarkusApp(String service) {
        Path app = DeployPaths.repository().resolve(service).resolve("target/quarkus-app");
        assertTrue(Files.isDirectory(app.resolve("app")), app + " is missing: package " + service + " first");
        return app;
    }

    private static Map<String, String> configEnv(String service) throws Exception {
        Map<String, String> values = new TreeMap<>();
        for (String line : Files.readAllLines(DeployPaths.deploy().resolve("base").resolve(service).resolve("config.env"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return values;
    }
}
