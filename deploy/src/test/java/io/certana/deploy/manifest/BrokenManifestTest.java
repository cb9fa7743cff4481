package io.certana.deploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certana.deploy.DeployPaths;

/**
 * Feeds deliberately broken manifests to the check and expects each to be reported. Most cases
 * start from the rendered prod overlay, break one field, and expect a finding at that field.
 */
class BrokenManifestTest {

    @Test
    void misspelledFieldIsRejected() {
        List<Manifest> prod = prodWithContainer("identity-service",
                container -> container.set("livenesProbe", container.remove("livenessProbe")));
        List<Finding> findings = DeployPaths.check().checkRendered(prod);
        assertFinding(findings, "Deployment/identity-service", "/spec/template/spec/containers/0", "livenesProbe");
        assertFinding(findings, "Deployment/identity-service", "/spec/template/spec/containers/0/livenessProbe/httpGet/path",
                "/q/health/live");
    }

    @Test
    void missingRequiredFieldIsRejected() {
        List<Manifest> prod = prodWithContainer("asset-service", container -> container.remove("name"));
        assertFinding(DeployPaths.check().validate(prod), "Deployment/asset-service",
                "/spec/template/spec/containers/0", "name");
    }

    @Test
    void wrongTypeIsRejected() {
        List<Manifest> prod = prodWith("Deployment", "verification-service",
                deployment -> deployment.with("spec").put("replicas", "two"));
        assertFinding(DeployPaths.check().validate(prod), "Deployment/verification-service", "/spec/replicas", "integer");
    }

    @Test
    void invalidQuantityIsRejected() {
        List<Manifest> prod = prodWithContainer("asset-service",
                container -> ((ObjectNode) container.at("/resources/limits")).put("memory", "3GB"));
        assertFinding(DeployPaths.check().validate(prod), "Deployment/asset-service",
                "/spec/template/spec/containers/0/resources/limits/memory", "pattern");
    }

    @Test
    void internalRouteIsRejected() {
        List<Manifest> prod = prodWith("Ingress", "certana",
                ingress -> ((ObjectNode) ingress.at("/spec/rules/0/http/paths/0")).put("path", "/internal/v1"));
        assertFinding(DeployPaths.check().checkRendered(prod), "Ingress/certana", "/spec/rules/0/http/paths/0/path", "/internal/");
    }

    @Test
    void catchAllRouteIsRejected() {
        List<Manifest> prod = prodWith("Ingress", "certana",
                ingress -> ((ObjectNode) ingress.at("/spec/rules/0/http/paths/3")).put("path", "/"));
        assertFinding(DeployPaths.check().checkRendered(prod), "Ingress/certana", "/spec/rules/0/http/paths/3/path",
                "only paths below /api/v1/");
    }

    @Test
    void weakenedSecurityContextIsRejected() {
        List<Manifest> prod = prodWithContainer("identity-service", container -> {
            ObjectNode security = (ObjectNode) container.get("securityContext");
            security.put("readOnlyRootFilesystem", false);
            security.remove("allowPrivilegeEscalation");
            ((ArrayNode) security.at("/capabilities/drop")).removeAll().add("NET_RAW");
        });
        List<Finding> findings = DeployPaths.check().checkRendered(prod);
        String at = "/spec/template/spec/containers/0/securityContext/";
        assertFinding(findings, "Deployment/identity-service", at + "readOnlyRootFilesystem", "must be true");
        assertFinding(findings, "Deployment/identity-service", at + "allowPrivilegeEscalation", "must be false");
        assertFinding(findings, "Deployment/identity-service", at + "capabilities/drop", "ALL");
    }

    @Test
    void missingLimitIsRejected() {
        List<Manifest> prod = prodWithContainer("asset-service",
                container -> ((ObjectNode) container.at("/resources/limits")).remove("cpu"));
        assertFinding(DeployPaths.check().checkRendered(prod), "Deployment/asset-service",
                "/spec/template/spec/containers/0/resources/limits/cpu", "missing");
    }

    @Test
    void unknownSecretAndConfigMapAreRejected() {
        List<Manifest> prod = prodWithContainer("identity-service", container -> {
            ((ObjectNode) container.at("/env/0/valueFrom/secretKeyRef")).put("name", "certana-typo");
            ((ObjectNode) container.at("/envFrom/0/configMapRef")).put("name", "identity-config");
        });
        List<Finding> findings = DeployPaths.check().checkRendered(prod);
        assertFinding(findings, "Deployment/identity-service", "/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/name",
                "certana-typo");
        assertFinding(findings, "Deployment/identity-service", "/spec/template/spec/containers/0/envFrom/0/configMapRef/name",
                "identity-config");
    }

    @Test
    void deploymentWithoutPolicyOrBudgetIsRejected() {
        List<Manifest> prod = new ArrayList<>(OverlayCheckTest.render("overlays/prod"));
        prod.removeIf(m -> m.kind().equals("PodDisruptionBudget") && m.name().equals("asset-service"));
        prod.removeIf(m -> m.kind().equals("NetworkPolicy"));
        List<Finding> findings = DeployPaths.check().checkRendered(prod);
        assertFinding(findings, "Deployment/asset-service", "", "PodDisruptionBudget");
        assertFinding(findings, "Deployment/identity-service", "", "NetworkPolicy");
    }

    @Test
    void secretInOverlayIsRejected() {
        List<Manifest> prod = new ArrayList<>(OverlayCheckTest.render("overlays/prod"));
        prod.addAll(ManifestReader.read("added", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: certana-internal-token
                stringData:
                  token: not-a-placeholder
                """));
        assertFinding(DeployPaths.check().checkRendered(prod), "Secret/certana-internal-token", "", "must not carry a Secret");
    }

    @Test
    void unknownKindIsRejected() {
        List<Manifest> manifests = ManifestReader.read("added", """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                """);
        assertFinding(DeployPaths.check().validate(manifests), "Widget/w", "", "no schema");
    }

    @Test
    void customResourceIsValidated() {
        List<Manifest> manifests = ManifestReader.read("added", """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: certana-db
                spec:
                  instances: 0
                  storage:
                    sizee: 1Gi
                  managed:
                    roles:
                      - ensure: maybe
                """);
        List<Finding> findings = DeployPaths.check().validate(manifests);
        assertFinding(findings, "Cluster/certana-db", "/spec/instances", "minimum");
        assertFinding(findings, "Cluster/certana-db", "/spec/storage", "sizee");
        assertFinding(findings, "Cluster/certana-db", "/spec/managed/roles/0", "name");
        assertFinding(findings, "Cluster/certana-db", "/spec/managed/roles/0/ensure", "enum");
    }

    @Test
    void brokenKustomizationFailsToRender() {
        Path broken = Path.of("src/test/resources/broken-overlay").toAbsolutePath();
        ManifestCheckException error = assertThrows(ManifestCheckException.class,
                () -> DeployPaths.check().checkKustomization(broken));
        assertTrue(error.getMessage().contains("kubectl kustomize"), error.getMessage());
        assertTrue(error.getMessage().contains("does-not-exist"), error.getMessage());
    }

    @Test
    void brokenManifestInOverlayFolderIsReported() {
        Path invalid = Path.of("src/test/resources/invalid-overlay").toAbsolutePath();
        List<Finding> findings = DeployPaths.check().checkKustomization(invalid);
        assertFinding(findings, "Service/broken", "/spec/ports/0/port", "integer");
    }

    @Test
    void placeholderRuleCatchesRealValues() {
        List<Manifest> template = ManifestReader.read("template.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: certana-watermark-key
                data:
                  key: c2VjcmV0
                stringData:
                  other: s3cr3t
                """);
        SecretTemplates templates = SecretTemplates.of(template);
        List<Finding> findings = templates.check();
        assertFinding(findings, "Secret/certana-watermark-key", "/data", "placeholders");
        assertFinding(findings, "Secret/certana-watermark-key", "/stringData/other", "REPLACE_WITH_");
    }

    /** Renders the prod overlay and applies one change to the named object. */
    private static List<Manifest> prodWith(String kind, String name, Consumer<ObjectNode> change) {
        List<Manifest> prod = OverlayCheckTest.render("overlays/prod");
        change.accept((ObjectNode) OverlayCheckTest.find(prod, kind, name).content());
        return prod;
    }

    /** Renders the prod overlay and applies one change to the container of the named Deployment. */
    private static List<Manifest> prodWithContainer(String deployment, Consumer<ObjectNode> change) {
        return prodWith("Deployment", deployment,
                object -> change.accept((ObjectNode) object.at("/spec/template/spec/containers/0")));
    }

    private static void assertFinding(List<Finding> findings, String resource, String location, String messagePart) {
        boolean found = findings.stream().anyMatch(f -> f.resource().equals(resource)
                && f.location().equals(location) && f.message().contains(messagePart));
        assertTrue(found, "expected a finding on " + resource + " " + location + " mentioning '" + messagePart
                + "', got:\n" + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    }
}
