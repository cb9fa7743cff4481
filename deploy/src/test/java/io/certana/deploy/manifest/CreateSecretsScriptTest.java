package io.certana.deploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.certana.deploy.DeployPaths;

/** Runs deploy/secrets/create-secrets.sh in dry-run mode and checks the Secrets it would create. */
class CreateSecretsScriptTest {

    @Test
    void dryRunPrintsValidSecretsForEveryTemplate() throws Exception {
        List<Manifest> secrets = ManifestReader.read("create-secrets.sh", dryRun("certana-test"));

        List<Finding> findings = DeployPaths.check().validate(secrets);
        assertEquals(List.of(), findings, findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));

        Set<String> expected = new TreeSet<>(DeployPaths.check().secretTemplates().names());
        expected.remove("certana-smtp");
        expected.remove("certana-anchor-evm");
        assertEquals(expected, secrets.stream().map(Manifest::name).collect(Collectors.toCollection(TreeSet::new)));
        for (Manifest secret : secrets) {
            assertEquals("certana-test", secret.content().at("/metadata/namespace").asText(), secret.name());
        }
    }

    @Test
    void dryRunValuesAreUsableKeys() throws Exception {
        Map<String, String> values = new HashMap<>();
        for (Manifest secret : ManifestReader.read("create-secrets.sh", dryRun("certana-test"))) {
            secret.content().path("data").fields().forEachRemaining(e -> values.put(secret.name() + "/" + e.getKey(),
                    new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            assertFalse(value.getValue().contains(SecretTemplates.PLACEHOLDER_PREFIX), value.getKey() + " is a placeholder");
        }

        assertEquals(32, Base64.getDecoder().decode(values.get("certana-asset-master-key/master-key")).length,
                "the master key is 32 bytes in base64");
        assertTrue(values.get("certana-internal-token/token").length() >= 32, "internal token length");
        assertTrue(values.get("certana-api-key-pepper/pepper").length() >= 32, "pepper length");
        assertTrue(values.get("certana-watermark-key/key").getBytes(StandardCharsets.UTF_8).length >= 16, "watermark key length");
        assertEquals("certana_identity", values.get("certana-db-identity/username"));

        // The two JWT files are one key pair: a signature made with the private key verifies with the public one.
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pemBody(values.get("certana-jwt/jwt-private.pem"), "PRIVATE KEY")));
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(pemBody(values.get("certana-jwt/jwt-public.pem"), "PUBLIC KEY")));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature), "jwt-public.pem belongs to jwt-private.pem");
    }

    @Test
    void twoRunsGenerateDifferentValues() throws Exception {
        assertFalse(dryRun("a").replace("namespace: a", "").equals(dryRun("a").replace("namespace: a", "")),
                "every run draws new random values");
    }

    @Test
    void missingNamespaceIsRejected() throws Exception {
        Process process = new ProcessBuilder(script(), "--dry-run").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("missing --namespace"), output);
    }

    private static String dryRun(String namespace) throws Exception {
        Process process = new ProcessBuilder(script(), "--namespace", namespace, "--dry-run").start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "create-secrets.sh timed out");
        assertEquals(0, process.exitValue(), "create-secrets.sh failed: " + errors);
        return output;
    }

    private static String script() {
        return DeployPaths.deploy().resolve("secrets/create-secrets.sh").toString();
    }

    private static byte[] pemBody(String pem, String type) {
        String body = pem.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
