package io.certana.deploy.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Certana's own rules for rendered overlays, beyond what the schemas express: the probes, limits
 * and security contexts every Deployment must have, the gateway that routes only public API
 * prefixes, and references between objects (Services, ConfigMaps, Secrets, autoscalers, budgets,
 * network policies) that must point at something.
 */
public final class ManifestRules {

    /** Health endpoints of SmallRye Health, by probe. */
    static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    /** The only prefix the gateway may route; /internal/ and /q/ stay inside the cluster. */
    static final String PUBLIC_PREFIX = "/api/v1/";

    private final Set<String> knownSecrets;

    /** @param knownSecrets names of the Secrets that exist beside the overlays (deploy/secrets) */
    public ManifestRules(Set<String> knownSecrets) {
        this.knownSecrets = Set.copyOf(knownSecrets);
    }

    /** Checks all objects of one rendered overlay together. */
    public List<Finding> check(List<Manifest> manifests) {
        List<Finding> findings = new ArrayList<>();
        Set<String> configMaps = names(manifests, "v1", "ConfigMap");
        for (Manifest manifest : manifests) {
            if (manifest.is("apps/v1", "Deployment")) {
                checkDeployment(manifest, manifests, configMaps, findings);
            } else if (manifest.is("networking.k8s.io/v1", "Ingress")) {
                checkIngress(manifest, manifests, findings);
            } else if (manifest.is("v1", "Service")) {
                checkService(manifest, manifests, findings);
            } else if (manifest.is("autoscaling/v2", "HorizontalPodAutoscaler")) {
                checkScaleTarget(manifest, manifests, findings);
            } else if (manifest.is("policy/v1", "PodDisruptionBudget")) {
                checkSelectsPods(manifest, manifest.content().path("spec").path("selector"), manifests, findings);
            } else if (manifest.is("v1", "Secret")) {
                findings.add(Finding.of(manifest, "", "an overlay must not carry a Secret; create it with"
                        + " deploy/secrets/create-secrets.sh so that no secret value is in the repository"));
            }
        }
        return findings;
    }

    private void checkDeployment(Manifest deployment, List<Manifest> all, Set<String> configMaps, List<Finding> findings) {
        JsonNode pod = deployment.content().path("spec").path("template").path("spec");
        JsonNode podSecurity = pod.path("securityContext");
        require(deployment, "/spec/template/spec/securityContext/runAsNonRoot", podSecurity.path("runAsNonRoot").asBoolean(false),
                "must be true", findings);
        require(deployment, "/spec/template/spec/securityContext/seccompProfile/type",
                podSecurity.path("seccompProfile").path("type").asText("").equals("RuntimeDefault"), "must be RuntimeDefault", findings);
        require(deployment, "/spec/template/spec/automountServiceAccountToken",
                !pod.path("automountServiceAccountToken").asBoolean(true), "must be false: no Certana service calls the Kubernetes API", findings);

        JsonNode containers = pod.path("containers");
        for (int i = 0; i < containers.size(); i++) {
            checkContainer(deployment, "/spec/template/spec/containers/" + i, containers.get(i), configMaps, findings);
        }

        JsonNode podLabels = deployment.content().path("spec").path("template").path("metadata").path("labels");
        if (!anySelects(all, "policy/v1", "PodDisruptionBudget", "/spec/selector", podLabels)) {
            findings.add(Finding.of(deployment, "", "no PodDisruptionBudget selects its pods"));
        }
        if (!networkPolicyCovers(all, podLabels)) {
            findings.add(Finding.of(deployment, "", "no NetworkPolicy with policyTypes Ingress and Egress selects its pods"));
        }
    }

    private void checkContainer(Manifest deployment, String at, JsonNode container, Set<String> configMaps, List<Finding> findings) {
        for (Map.Entry<String, String> probe : PROBE_PATHS.entrySet()) {
            String path = container.path(probe.getKey()).path("httpGet").path("path").asText("");
            require(deployment, at + "/" + probe.getKey() + "/httpGet/path", path.equals(probe.getValue()),
                    "must be an HTTP probe on " + probe.getValue() + (path.isEmpty() ? "" : ", not " + path), findings);
        }
        JsonNode resources = container.path("resources");
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                require(deployment, at + "/resources/" + bound + "/" + resource,
                        resources.path(bound).hasNonNull(resource), "is missing", findings);
            }
        }
        JsonNode security = container.path("securityContext");
        require(deployment, at + "/securityContext/allowPrivilegeEscalation",
                security.has("allowPrivilegeEscalation") && !security.path("allowPrivilegeEscalation").asBoolean(true), "must be false", findings);
        require(deployment, at + "/securityContext/readOnlyRootFilesystem",
                security.path("readOnlyRootFilesystem").asBoolean(false), "must be true", findings);
        boolean dropsAll = false;
        for (JsonNode capability : security.path("capabilities").path("drop")) {
            dropsAll |= capability.asText().equals("ALL");
        }
        require(deployment, at + "/securityContext/capabilities/drop", dropsAll, "must contain ALL", findings);

        JsonNode envFrom = container.path("envFrom");
        for (int i = 0; i < envFrom.size(); i++) {
            String configMap = envFrom.get(i).path("configMapRef").path("name").asText("");
            if (!configMap.isEmpty() && !configMaps.contains(configMap)) {
                findings.add(Finding.of(deployment, at + "/envFrom/" + i + "/configMapRef/name",
                        "ConfigMap " + configMap + " is not part of the overlay"));
            }
        }
        JsonNode env = container.path("env");
        for (int i = 0; i < env.size(); i++) {
            JsonNode secretRef = env.get(i).path("valueFrom").path("secretKeyRef");
            String secret = secretRef.path("name").asText("");
            if (!secret.isEmpty() && !knownSecrets.contains(secret)) {
                findings.add(Finding.of(deployment, at + "/env/" + i + "/valueFrom/secretKeyRef/name",
                        "Secret " + secret + " has no template in deploy/secrets"));
            }
        }
    }

    private void checkIngress(Manifest ingress, List<Manifest> all, List<Finding> findings) {
        JsonNode spec = ingress.content().path("spec");
        if (spec.has("defaultBackend")) {
            findings.add(Finding.of(ingress, "/spec/defaultBackend",
                    "a default backend would route every path, /internal/ included"));
        }
        JsonNode rules = spec.path("rules");
        for (int r = 0; r < rules.size(); r++) {
            JsonNode paths = rules.get(r).path("http").path("paths");
            for (int p = 0; p < paths.size(); p++) {
                String at = "/spec/rules/" + r + "/http/paths/" + p;
                JsonNode route = paths.get(p);
                String path = route.path("path").asText("");
                if (path.contains("internal")) {
                    findings.add(Finding.of(ingress, at + "/path", "routes " + path + ": /internal/ must never be public"));
                } else if (!(path + "/").startsWith(PUBLIC_PREFIX) || path.length() <= PUBLIC_PREFIX.length()) {
                    findings.add(Finding.of(ingress, at + "/path", "routes " + path
                            + ": only paths below " + PUBLIC_PREFIX + " are public"));
                }
                if (!route.path("pathType").asText("").equals("Prefix")) {
                    findings.add(Finding.of(ingress, at + "/pathType", "must be Prefix, which matches whole path elements"));
                }
                JsonNode service = route.path("backend").path("service");
                checkServicePort(ingress, at + "/backend/service", service.path("name").asText(""),
                        service.path("port"), all, findings);
            }
        }
    }

    private static void checkServicePort(Manifest from, String at, String serviceName, JsonNode port,
            List<Manifest> all, List<Finding> findings) {
        Manifest service = find(all, "v1", "Service", serviceName);
        if (service == null) {
            findings.add(Finding.of(from, at + "/name", "Service " + serviceName + " is not part of the overlay"));
            return;
        }
        for (JsonNode servicePort : service.content().path("spec").path("ports")) {
            if ((port.has("name") && servicePort.path("name").asText().equals(port.path("name").asText()))
                    || (port.has("number") && servicePort.path("port").asInt() == port.path("number").asInt())) {
                return;
            }
        }
        findings.add(Finding.of(from, at + "/port", "Service " + serviceName + " has no such port: " + port));
    }

    private static void checkService(Manifest service, List<Manifest> all, List<Finding> findings) {
        JsonNode selector = service.content().path("spec").path("selector");
        for (Manifest deployment : all) {
            if (!deployment.is("apps/v1", "Deployment")) {
                continue;
            }
            JsonNode template = deployment.content().path("spec").path("template");
            if (!matchesLabels(selector, template.path("metadata").path("labels"))) {
                continue;
            }
            Set<String> portNames = new HashSet<>();
            for (JsonNode container : template.path("spec").path("containers")) {
                for (JsonNode port : container.path("ports")) {
                    portNames.add(port.path("name").asText());
                }
            }
            JsonNode ports = service.content().path("spec").path("ports");
            for (int i = 0; i < ports.size(); i++) {
                JsonNode target = ports.get(i).path("targetPort");
                if (target.isTextual() && !portNames.contains(target.asText())) {
                    findings.add(Finding.of(service, "/spec/ports/" + i + "/targetPort",
                            "no container port named " + target.asText() + " in " + deployment.describe()));
                }
            }
            return;
        }
        findings.add(Finding.of(service, "/spec/selector", "selects the pods of no Deployment"));
    }

    private static void checkScaleTarget(Manifest autoscaler, List<Manifest> all, List<Finding> findings) {
        JsonNode target = autoscaler.content().path("spec").path("scaleTargetRef");
        if (find(all, target.path("apiVersion").asText(), target.path("kind").asText(), target.path("name").asText()) == null) {
            findings.add(Finding.of(autoscaler, "/spec/scaleTargetRef", "scales " + target.path("kind").asText()
                    + "/" + target.path("name").asText() + ", which is not part of the overlay"));
        }
        JsonNode metrics = autoscaler.content().path("spec").path("metrics");
        boolean cpu = false;
        for (JsonNode metric : metrics) {
            cpu |= metric.path("resource").path("name").asText("").equals("cpu");
        }
        require(autoscaler, "/spec/metrics", cpu, "must scale on CPU", findings);
    }

    private static void checkSelectsPods(Manifest manifest, JsonNode selector, List<Manifest> all, List<Finding> findings) {
        for (Manifest deployment : all) {
            if (deployment.is("apps/v1", "Deployment") && matchesSelector(selector,
                    deployment.content().path("spec").path("template").path("metadata").path("labels"))) {
                return;
            }
        }
        findings.add(Finding.of(manifest, "/spec/selector", "selects the pods of no Deployment"));
    }

    private static boolean anySelects(List<Manifest> all, String apiVersion, String kind, String selectorPointer, JsonNode labels) {
        for (Manifest manifest : all) {
            if (manifest.is(apiVersion, kind) && matchesSelector(manifest.content().at(selectorPointer), labels)) {
                return true;
            }
        }
        return false;
    }

    private static boolean networkPolicyCovers(List<Manifest> all, JsonNode labels) {
        boolean ingress = false;
        boolean egress = false;
        for (Manifest policy : all) {
            if (policy.is("networking.k8s.io/v1", "NetworkPolicy")
                    && matchesSelector(policy.content().path("spec").path("podSelector"), labels)) {
                for (JsonNode type : policy.content().path("spec").path("policyTypes")) {
                    ingress |= type.asText().equals("Ingress");
                    egress |= type.asText().equals("Egress");
                }
            }
        }
        return ingress && egress;
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects {@code labels}; an empty selector selects all. */
    static boolean matchesSelector(JsonNode selector, JsonNode labels) {
        if (!matchesLabels(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(value -> values.add(value.asText()));
            boolean present = labels.has(key);
            boolean matches = switch (expression.path("operator").asText()) {
                case "In" -> present && values.contains(labels.path(key).asText());
                case "NotIn" -> !present || !values.contains(labels.path(key).asText());
                case "Exists" -> present;
                case "DoesNotExist" -> !present;
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesLabels(JsonNode required, JsonNode labels) {
        Iterator<Map.Entry<String, JsonNode>> entries = required.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!labels.path(entry.getKey()).asText("\u0000").equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static Manifest find(List<Manifest> all, String apiVersion, String kind, String name) {
        for (Manifest manifest : all) {
            if (manifest.is(apiVersion, kind) && manifest.name().equals(name)) {
                return manifest;
            }
        }
        return null;
    }

    private static Set<String> names(List<Manifest> all, String apiVersion, String kind) {
        Set<String> names = new HashSet<>();
        for (Manifest manifest : all) {
            if (manifest.is(apiVersion, kind)) {
                names.add(manifest.name());
            }
        }
        return names;
    }

    private static void require(Manifest manifest, String location, boolean condition, String message, List<Finding> findings) {
        if (!condition) {
            findings.add(Finding.of(manifest, location, message));
        }
    }
}
