package io.certana.deploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.deploy.DeployPaths;

/** Renders every kustomization under deploy/ with kubectl and checks what it renders. */
class OverlayCheckTest {

    private static final List<String> SERVICES = List.of("identity-service", "asset-service", "verification-service");

    @Test
    void kustomizeIsVersionFiveOrNewer() {
        String version = Kustomize.onPath().requireVersion();
        assertTrue(version.startsWith("v"), "kustomize version " + version);
    }

    @Test
    void everyKustomizationRendersValid() {
        List<Path> kustomizations = Kustomize.kustomizations(DeployPaths.deploy());
        assertEquals(Set.of("dev", "prod", "prod-evm", "postgres"),
                kustomizations.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        for (Path directory : kustomizations) {
            List<Finding> findings = DeployPaths.check().checkKustomization(directory);
            assertEquals(List.of(), findings, directory + " has invalid manifests:\n"
                    + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void secretTemplatesHoldOnlyPlaceholders() {
        List<Finding> findings = DeployPaths.check().checkSecretTemplates();
        assertEquals(List.of(), findings, findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        assertTrue(DeployPaths.check().secretTemplates().names().containsAll(Set.of(
                "certana-internal-token", "certana-jwt", "certana-api-key-pepper", "certana-asset-master-key",
                "certana-watermark-key", "certana-db-identity", "certana-db-asset", "certana-db-verification")));
    }

    @Test
    void prodRunsEveryServiceWithAutoscalerAndBudget() {
        List<Manifest> prod = render("overlays/prod");
        Map<String, Integer> kinds = countKinds(prod);
        assertEquals(3, kinds.get("Deployment"), "Deployments " + kinds);
        assertEquals(3, kinds.get("HorizontalPodAutoscaler"), "autoscalers " + kinds);
        assertEquals(3, kinds.get("PodDisruptionBudget"), "budgets " + kinds);
        assertEquals(1, kinds.get("PersistentVolumeClaim"), "claims " + kinds);
        assertFalse(kinds.containsKey("Secret"), "an overlay must not carry Secrets");
        for (String service : SERVICES) {
            Manifest deployment = find(prod, "Deployment", service);
            assertEquals("certana", deployment.content().path("metadata").path("namespace").asText(), service);
            String image = deployment.content().at("/spec/template/spec/containers/0/image").asText();
            assertEquals("registry.example.com/certana/" + service + ":0.1.0", image);
            assertFalse(deployment.content().path("spec").has("replicas"),
                    service + " leaves the replica count to its autoscaler");
        }
        assertEquals("ReadWriteMany", find(prod, "PersistentVolumeClaim", "certana-assets").content()
                .at("/spec/accessModes/0").asText());
        assertEquals("certana-tls", find(prod, "Ingress", "certana").content().at("/spec/tls/0/secretName").asText());
    }

    @Test
    void devAssetServiceIsSingleReplica() {
        List<Manifest> dev = render("overlays/dev");
        assertEquals("Recreate", find(dev, "Deployment", "asset-service").content().at("/spec/strategy/type").asText());
        assertEquals("ReadWriteOnce", find(dev, "PersistentVolumeClaim", "certana-assets").content()
                .at("/spec/accessModes/0").asText());
        assertTrue(dev.stream().noneMatch(m -> m.kind().equals("HorizontalPodAutoscaler") && m.name().equals("asset-service")),
                "asset-service must not be scaled beyond one replica on a ReadWriteOnce volume");
        assertEquals(1, find(dev, "Cluster", "certana-db").content().at("/spec/instances").asInt());
    }

    @Test
    void evmOverlaySwitchesAnchoringBackend() {
        List<Manifest> evm = render("overlays/prod-evm");
        JsonNode asset = configMap(evm, "asset-service-config");
        assertEquals("evm", asset.path("CERTANA_ASSET_ANCHORING_BACKEND").asText());
        assertEquals("local", configMap(render("overlays/prod"), "asset-service-config")
                .path("CERTANA_ASSET_ANCHORING_BACKEND").asText());
        JsonNode env = find(evm, "Deployment", "asset-service").content().at("/spec/template/spec/containers/0/env");
        boolean readsKey = false;
        for (JsonNode variable : env) {
            readsKey |= variable.path("name").asText().equals("CERTANA_ASSET_ANCHORING_EVM_PRIVATE_KEY")
                    && variable.at("/valueFrom/secretKeyRef/name").asText().equals("certana-anchor-evm");
        }
        assertTrue(readsKey, "asset-service reads the anchoring key from the Secret certana-anchor-evm");
        JsonNode egress = find(evm, "NetworkPolicy", "asset-service").content().at("/spec/egress");
        assertEquals(443, egress.get(egress.size() - 1).at("/ports/0/port").asInt(), "egress to the JSON-RPC endpoint");
    }

    @Test
    void gatewayRoutesOnlyPublicPrefixes() {
        for (String overlay : List.of("overlays/dev", "overlays/prod", "overlays/prod-evm")) {
            Manifest ingress = find(render(overlay), "Ingress", "certana");
            Map<String, String> routes = new TreeMap<>();
            for (JsonNode path : ingress.content().at("/spec/rules/0/http/paths")) {
                routes.put(path.path("path").asText(), path.at("/backend/service/name").asText());
            }
            assertEquals(Map.of(
                    "/api/v1/auth", "identity-service",
                    "/api/v1/users", "identity-service",
                    "/api/v1/organizations", "identity-service",
                    "/api/v1/assets", "asset-service",
                    "/api/v1/transparency-log", "asset-service",
                    "/api/v1/verify", "verification-service",
                    "/api/v1/verifications", "verification-service",
                    "/api/v1/quotas", "verification-service"), routes, overlay);
        }
    }

    @Test
    void configMapsUseServiceNames() {
        List<Manifest> prod = render("overlays/prod");
        JsonNode asset = configMap(prod, "asset-service-config");
        assertEquals("http://identity-service:8081", asset.path("CERTANA_INTERNAL_IDENTITY_URL").asText());
        assertEquals("http://verification-service:8083", asset.path("CERTANA_ASSET_QUOTA_VERIFICATION_URL").asText());
        assertEquals("/var/lib/certana/assets", asset.path("CERTANA_ASSET_STORAGE_ROOT").asText());
        JsonNode verification = configMap(prod, "verification-service-config");
        assertEquals("http://asset-service:8082", verification.path("CERTANA_VERIFICATION_ASSET_URL").asText());
        assertEquals("/tmp/uploads", verification.path("QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY").asText());
    }

    @Test
    void generatedSchemasAreWrittenToDisk() throws Exception {
        DeployPaths.check();
        Path schema = DeployPaths.schemaOutput().resolve("v1.32-standalone-strict/deployment-apps-v1.json");
        assertTrue(Files.isRegularFile(schema), schema + " missing");
        assertTrue(Files.readString(schema).contains("\"livenessProbe\""), "the Deployment schema describes containers");
    }

    static List<Manifest> render(String kustomization) {
        Path directory = DeployPaths.deploy().resolve(kustomization);
        return ManifestReader.read(kustomization, Kustomize.onPath().render(directory));
    }

    static Manifest find(List<Manifest> manifests, String kind, String namePrefix) {
        return manifests.stream()
                .filter(m -> m.kind().equals(kind) && m.name().startsWith(namePrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + namePrefix));
    }

    private static JsonNode configMap(List<Manifest> manifests, String namePrefix) {
        return find(manifests, "ConfigMap", namePrefix).content().path("data");
    }

    private static Map<String, Integer> countKinds(List<Manifest> manifests) {
        Map<String, Integer> counts = new TreeMap<>();
        manifests.forEach(m -> counts.merge(m.kind(), 1, Integer::sum));
        return counts;
    }
}
