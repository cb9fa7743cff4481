package io.certana.deploy.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certana.deploy.DeployPaths;
import io.certana.deploy.manifest.Kustomize;
import io.certana.deploy.manifest.Manifest;
import io.certana.deploy.manifest.ManifestReader;

/**
 * Tests the JVM image path without a container engine: each of the three services starts from its fast-jar
 * layout with the Dockerfile's ENTRYPOINT and the environment of its Deployment in the rendered
 * dev overlay (see {@link ImageRun}), reaches the started, ready and live health checks against
 * a scratch database laid out by deploy/postgres's bootstrap SQL, writes nothing into the application folder (the image's root filesystem is
 * read-only), and stops on SIGTERM.
 */
class JvmImageStartTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static ScratchDatabase database;
    private static List<Manifest> dev;
    private static Map<String, String> secrets;
    private static KeyPair jwtKeys;

    @TempDir
    Path work;

    @BeforeAll
    static void prepareDatabaseOverlayAndSecrets() throws Exception {
        database = ScratchDatabase.create();
        dev = ManifestReader.read("overlays/dev", Kustomize.onPath().render(DeployPaths.deploy().resolve("overlays/dev")));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        jwtKeys = generator.generateKeyPair();
        String dbPassword = System.getenv().getOrDefault("CERTANA_DB_PASSWORD", "certana-dev");
        secrets = new HashMap<>();
        secrets.put("certana-jwt/jwt-private.pem", pem("PRIVATE KEY", jwtKeys.getPrivate().getEncoded()));
        secrets.put("certana-jwt/jwt-public.pem", pem("PUBLIC KEY", jwtKeys.getPublic().getEncoded()));
        secrets.put("certana-internal-token/token", random(36));
        secrets.put("certana-api-key-pepper/pepper", random(36));
        secrets.put("certana-asset-master-key/master-key", Base64.getEncoder().encodeToString(RANDOM.generateSeed(32)));
        secrets.put("certana-watermark-key/key", random(24));
        for (String service : List.of("identity", "asset", "verification")) {
            secrets.put("certana-db-" + service + "/password", dbPassword);
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void identityServiceStartsLikeItsImage() throws Exception {
        Set<String> filesBefore = appFiles("identity-service");
        try (ImageRun identity = startIdentity()) {
            identity.awaitHealthy();

            // The signing key is the one mounted from the Secret: its modulus is in the JWKS.
            HttpResponse<String> jwks = get(identity, "/api/v1/auth/jwks");
            assertEquals(200, jwks.statusCode(), jwks.body());
            String modulus = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    unsigned(((RSAPublicKey) jwtKeys.getPublic()).getModulus().toByteArray()));
            assertTrue(jwks.body().contains(modulus), "JWKS without the mounted key: " + jwks.body());

            HttpResponse<String> internal = get(identity, "/internal/v1/organizations/00000000-0000-0000-0000-000000000000");
            assertEquals(401, internal.statusCode(), "internal API without X-Internal-Token: " + internal.body());

            assertStoppedGracefully(identity, "identity-service");
        }
        assertEquals(filesBefore, appFiles("identity-service"), "identity-service wrote into its application folder");
    }

    @Test
    void assetServiceStartsLikeItsImage() throws Exception {
        Set<String> filesBefore = appFiles("asset-service");
        try (ImageRun identity = startIdentity()) {
            identity.awaitHealthy();
            Map<String, String> overrides = Map.of(
                    "CERTANA_INTERNAL_IDENTITY_URL", identity.url("").toString(),
                    "CERTANA_ASSET_QUOTA_VERIFICATION_URL", "http://127.0.0.1:" + unusedPort());
            try (ImageRun asset = ImageRun.start("asset-service", dev, secrets, overrides, work)) {
                asset.awaitHealthy();

                HttpResponse<String> anonymous = get(asset, "/api/v1/assets");
                assertEquals(401, anonymous.statusCode(), anonymous.body());
                assertTrue(Files.isDirectory(work.resolve("asset-service-volume-assets")),
                        "the blob store volume folder exists");

                assertStoppedGracefully(asset, "asset-service");
            }
        }
        assertEquals(filesBefore, appFiles("asset-service"), "asset-service wrote into its application folder");
    }

    /**
     * Stops the service with SIGTERM. The JVM exits with 143 (128 + SIGTERM) after running its
     * shutdown hooks; Quarkus logs the end of its shutdown, which shows the hooks ran to completion.
     */
    private static void assertStoppedGracefully(ImageRun run, String service) throws InterruptedException {
        int exitCode = run.stop();
        String log = run.logTail();
        assertEquals(143, exitCode, "exit code after SIGTERM:\n" + log);
        assertTrue(log.contains(service + " stopped in"), "no completed shutdown in the log:\n" + log);
    }

    @Test
    void verificationServiceStartsLikeItsImage() throws Exception {
        Set<String> filesBefore = appFiles("verification-service");
        try (ImageRun identity = startIdentity()) {
            identity.awaitHealthy();
            Map<String, String> overrides = Map.of(
                    "CERTANA_INTERNAL_IDENTITY_URL", identity.url("").toString(),
                    "CERTANA_VERIFICATION_ASSET_URL", "http://127.0.0.1:" + unusedPort());
            try (ImageRun verification = ImageRun.start("verification-service", dev, secrets, overrides, work)) {
                verification.awaitHealthy();

                HttpResponse<String> quotas = get(verification, "/api/v1/quotas");
                assertEquals(401, quotas.statusCode(), "quotas without credentials: " + quotas.body());

                assertStoppedGracefully(verification, "verification-service");
            }
        }
        assertEquals(filesBefore, appFiles("verification-service"), "verification-service wrote into its application folder");
    }

    private ImageRun startIdentity() throws IOException {
        // The mailer sends nothing while the test runs; its host is loopback all the same.
        return ImageRun.start("identity-service", dev, secrets, Map.of(
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", String.valueOf(unusedPort())), work);
    }

    private static HttpResponse<String> get(ImageRun run, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(run.url(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> appFiles(String service) throws IOException {
        Path app = DeployPaths.repository().resolve(service).resolve("target/quarkus-app");
        try (Stream<Path> files = Files.walk(app)) {
            return files.map(p -> app.relativize(p).toString()).collect(Collectors.toSet());
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(RANDOM.generateSeed(bytes));
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement[0] == 0 ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
