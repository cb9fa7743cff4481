package io.certana.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.client.CertanaClientException;
import io.certana.cli.client.ClientSettings;
import io.certana.testing.IdentityService;
import io.certana.testing.ServiceProcess;

/**
 * The three packaged services, started once per test JVM as processes on free ports of 127.0.0.1
 * and stopped when the JVM exits. They run with the test profile against the database
 * {@code certana_test}, with the test keys (JWT, watermark, internal token), quotas on and a high
 * anonymous verify limit.
 *
 * <p>None of them cleans its schema at start, unlike the services' own test profiles, so that
 * running these tests never wipes the data of another module's tests running at the same time.
 * Every run therefore creates fresh accounts and organizations, and registers files whose bytes
 * are new (see {@link Photos}), because asset-service rejects bytes that another organization
 * registered before.
 */
public final class Services {

    /** The internal token shared by the three services of these tests. */
    static final String INTERNAL_TOKEN = "e2e-internal-token-not-secret";
    /** Password of every account that {@link #newTenant} creates. */
    public static final String PASSWORD = IdentityService.PASSWORD;

    /** Time to wait for a service jar that another build is replacing. */
    private static final Duration JAR_WAIT = Duration.ofMinutes(5);
    /**
     * Time for each service to become ready: twice ServiceProcess's default, because the three start
     * one after another while other builds may share the CPU.
     */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private static Services running;

    private final LoopbackRelay relay;
    private final IdentityService identity;
    private final ServiceProcess asset;
    private final ServiceProcess verification;

    private Services(LoopbackRelay relay, IdentityService identity, ServiceProcess asset,
            ServiceProcess verification) {
        this.relay = relay;
        this.identity = identity;
        this.asset = asset;
        this.verification = verification;
    }

    /**
     * An organization created for a test, with its owner and an API key.
     *
     * @param email the owner's address; the password is {@link #PASSWORD}
     * @param accessToken a 15-minute access token of the owner
     * @param organizationId the organization
     * @param slug the organization's slug
     * @param settings the three services' URLs and an API key with scopes read, write and verify
     */
    public record Tenant(String email, String accessToken, UUID organizationId, String slug,
            ClientSettings settings) {

        @Override
        public String toString() {
            return "Tenant[email=" + email + ", organizationId=" + organizationId + ", slug=" + slug + "]";
        }
    }

    /** Returns the running services, starting them on the first call. */
    public static synchronized Services get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "e2e-services-stop"));
        }
        return running;
    }

    public URI identityUrl() {
        return identity.baseUri();
    }

    public URI assetUrl() {
        return asset.baseUri();
    }

    public URI verificationUrl() {
        return verification.baseUri();
    }

    /** Returns the three URLs without an API key. */
    public ClientSettings anonymousSettings() {
        return new ClientSettings(identityUrl(), assetUrl(), verificationUrl(), null);
    }

    /** Creates a fresh organization with an API key (scopes read, write, verify) and returns its settings. */
    public ClientSettings newOrganization(String name) {
        return newTenant(name).settings();
    }

    /**
     * Creates an organization through the public API as a user would: signup, the verification
     * token from identity-service's log (its mock mailer writes each mail there), verify-email,
     * login, create organization, create API key. Every call uses a new email address.
     */
    public Tenant newTenant(String name) {
        IdentityService.Account owner = identity.newAccount(name);
        UUID organizationId = identity.createOrganization(owner.accessToken(),
                "E2E " + name + " " + UUID.randomUUID().toString().substring(0, 8));
        String key = identity.createApiKey(owner.accessToken(), organizationId, CertanaClient.CLI_KEY_SCOPES);
        return new Tenant(owner.email(), owner.accessToken(), organizationId, slugOf(owner, organizationId),
                anonymousSettings().withApiKey(key));
    }

    /** Creates another organization owned by the tenant's user, and returns its id. */
    public UUID addOrganization(Tenant tenant, String name) {
        return identity.createOrganization(tenant.accessToken(),
                "E2E " + name + " " + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Returns everything identity-service has logged so far, to check that no secret appears in it. */
    public String identityLog() {
        return identity.process().log();
    }

    private String slugOf(IdentityService.Account owner, UUID organizationId) {
        try {
            JsonNode user = new CertanaClient(anonymousSettings()).currentUser(owner.accessToken());
            for (JsonNode organization : user.path("organizations")) {
                if (organization.path("id").asText().equals(organizationId.toString())) {
                    return organization.path("slug").asText();
                }
            }
            throw new IllegalStateException("GET /api/v1/users/me does not list organization " + organizationId
                    + ": " + user);
        } catch (CertanaClientException e) {
            throw new IllegalStateException("Reading the new organization's slug failed: " + e.getMessage(), e);
        }
    }

    private static Services start() {
        Path logs = logFolder();
        LoopbackRelay relay = LoopbackRelay.open();
        IdentityService identity = null;
        ServiceProcess asset = null;
        try {
            awaitJar(System.getProperty(IdentityService.JAR_PROPERTY));
            identity = IdentityService.start(INTERNAL_TOKEN, logs.resolve("identity-service.log"));
            asset = startAsset(identity.baseUri(), relay.uri(), logs);
            ServiceProcess verification = startVerification(identity.baseUri(), asset.baseUri(), logs);
            relay.forwardTo(verification.port());
            return new Services(relay, identity, asset, verification);
        } catch (RuntimeException e) {
            if (asset != null) {
                asset.close();
            }
            if (identity != null) {
                identity.close();
            }
            relay.close();
            throw e;
        }
    }

    /** Starts asset-service with quotas reserved in verification-service through the relay. */
    private static ServiceProcess startAsset(URI identityUrl, URI verificationUrl, Path logs) {
        Path storage;
        try {
            storage = Files.createTempDirectory("certana-e2e-assets");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create asset-service's storage folder", e);
        }
        return service("asset-service", "certana.asset.jar", identityUrl, logs)
                .property("certana.asset.storage.root", storage.toString())
                .property("certana.asset.quota.enabled", "true")
                .property("certana.asset.quota.verification-url", verificationUrl.toString())
                .start();
    }

    private static ServiceProcess startVerification(URI identityUrl, URI assetUrl, Path logs) {
        return service("verification-service", "certana.verification.jar", identityUrl, logs)
                .property("certana.verification.asset-url", assetUrl.toString())
                // The test profile allows 5 anonymous verifications per hour and address, and the
                // counters stay in the database between runs.
                .property("certana.verification.rate-limit.anonymous-per-hour", "10000")
                .start();
    }

    /**
     * Describes a service process with what asset-service and verification-service share: the test
     * profile without Flyway's clean, the test JWT key, the internal token, identity-service's URL
     * and a log file named after the service.
     */
    private static ServiceProcess.Builder service(String name, String jarProperty, URI identityUrl, Path logs) {
        return ServiceProcess.jar(name, awaitJar(System.getProperty(jarProperty)))
                .property("quarkus.profile", "test")
                .property("quarkus.flyway.clean-at-start", "false")
                .property("mp.jwt.verify.publickey.location",
                        IdentityService.testKeyFolder().resolve("public.pem").toString())
                .property("certana.internal.token", INTERNAL_TOKEN)
                .property("certana.internal.identity-url", identityUrl.toString())
                .property("quarkus.log.category.\"io.certana\".level", "INFO")
                .environment("CERTANA_DB_PASSWORD", databasePassword())
                .jvmOption("-Xmx1g")
                .readyTimeout(READY_TIMEOUT)
                .logFile(logs.resolve(name + ".log"));
    }

    /**
     * Waits until a service jar exists and returns its path. Other builds in the same working tree
     * may be repackaging the service, which removes the jar for a while.
     */
    private static Path awaitJar(String property) {
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("A service jar's system property is not set: e2e/pom.xml's surefire "
                    + "configuration names the three target/quarkus-app/quarkus-run.jar files");
        }
        Path jar = Path.of(property);
        long deadline = System.nanoTime() + JAR_WAIT.toNanos();
        while (!Files.isRegularFile(jar) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return jar;
    }

    private static String databasePassword() {
        return System.getenv().getOrDefault("CERTANA_DB_PASSWORD", "certana-dev");
    }

    private static Path logFolder() {
        try {
            return Files.createDirectories(Path.of("target", "e2e-logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create target/e2e-logs", e);
        }
    }

    private void stop() {
        verification.close();
        asset.close();
        identity.close();
        relay.close();
    }
}
