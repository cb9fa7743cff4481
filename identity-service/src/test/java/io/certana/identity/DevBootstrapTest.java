package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.identity.apikey.ApiKey;
import io.certana.identity.apikey.ApiKeyRepository;
import io.certana.identity.apikey.service.ApiKeyService;
import io.certana.identity.config.IdentityConfig;
import io.certana.identity.devbootstrap.DemoCredentials;
import io.certana.identity.devbootstrap.DevBootstrapService;
import io.certana.identity.user.UserRepository;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The dev bootstrap under the test profile: the demo account it creates at start, the credentials
 * file, and reuse or repair on later runs. Every test leaves a consistent account behind, so the
 * tests do not depend on their order.
 */
@QuarkusTest
@TestProfile(DevBootstrapTest.BootstrapProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevBootstrapTest {

    /** Enables the bootstrap and points it at a file in a new temporary folder. */
    public static class BootstrapProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path root = Path.of(System.getProperty("java.io.tmpdir"), TEMPORARY_FOLDER_PREFIX + UUID.randomUUID());
            return Map.of(
                    "certana.identity.dev-bootstrap.enabled", "true",
                    "certana.identity.dev-bootstrap.credentials-file",
                    root.resolve("demo").resolve("credentials.json").toString());
        }
    }

    static final String TEMPORARY_FOLDER_PREFIX = "certana-dev-bootstrap-";

    @Inject
    DevBootstrapService bootstrap;

    @Inject
    IdentityConfig config;

    @Inject
    ApiKeyService keyService;

    @Inject
    ApiKeyRepository keys;

    @Inject
    UserRepository users;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "certana.internal.token")
    String internalToken;

    @AfterAll
    void deleteTemporaryFolder() throws IOException {
        Path root = credentialsPath().getParent().getParent();
        assertTrue(root.getFileName().toString().startsWith(TEMPORARY_FOLDER_PREFIX), "unexpected folder " + root);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void startWritesPrivateCredentialsFile() throws IOException {
        Path file = credentialsPath();

        assertTrue(Files.isRegularFile(file), "no credentials file at " + file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            assertEquals(List.of(file), siblings.toList(), "temporary files left next to the credentials file");
        }

        JsonNode json = mapper.readTree(file.toFile());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("email", "password", "userId", "organizationId", "organizationSlug", "apiKey", "apiKeyId"),
                fields);
        assertEquals("demo@certana.local", json.get("email").asText());
        assertEquals("demo", json.get("organizationSlug").asText());
        assertTrue(json.get("apiKey").asText().startsWith("cert_pk_"), "apiKey must be a Certana key");
        assertTrue(json.get("password").asText().length() >= 10, "password shorter than the signup minimum");
        assertNotNull(UUID.fromString(json.get("userId").asText()));
        assertNotNull(UUID.fromString(json.get("organizationId").asText()));
        assertNotNull(UUID.fromString(json.get("apiKeyId").asText()));
    }

    @Test
    void demoKeyIntrospectsActive() {
        DemoCredentials credentials = readCredentials();

        introspect(credentials.apiKey()).then().statusCode(200)
                .body("active", equalTo(true))
                .body("keyId", equalTo(credentials.apiKeyId().toString()))
                .body("organizationId", equalTo(credentials.organizationId().toString()))
                .body("userId", equalTo(credentials.userId().toString()))
                .body("scopes", contains("read", "write", "verify"));
    }

    @Test
    void demoUserLogsInAsEnterpriseOwner() {
        DemoCredentials credentials = readCredentials();

        Response login = IdentityApi.login(credentials.email(), credentials.password());
        assertEquals(200, login.statusCode(), login.asString());

        given().auth().oauth2(login.<String>path("accessToken")).get("/api/v1/users/me").then().statusCode(200)
                .body("fullName", equalTo("Certana Demo"))
                .body("isVerified", equalTo(true))
                .body("organizations.slug", contains("demo"))
                .body("organizations.role", contains("owner"));
        given().header("X-Internal-Token", internalToken)
                .get("/internal/v1/organizations/{orgId}", credentials.organizationId())
                .then().statusCode(200)
                .body("name", equalTo("Certana Demo"))
                .body("slug", equalTo("demo"))
                .body("plan", equalTo("enterprise"))
                .body("maxUsers", equalTo(config.plans().enterprise().maxUsers()));
    }

    @Test
    void secondRunKeepsKeyAndPassword() throws IOException {
        Path file = credentialsPath();
        byte[] before = Files.readAllBytes(file);
        FileTime modifiedBefore = Files.getLastModifiedTime(file);
        DemoCredentials previous = readCredentials();

        DemoCredentials again = bootstrap.ensureDemoAccount();

        assertEquals(previous.apiKey(), again.apiKey());
        assertEquals(previous.apiKeyId(), again.apiKeyId());
        assertEquals(previous.password(), again.password());
        assertEquals(previous, again);
        assertArrayEquals(before, Files.readAllBytes(file), "the file was rewritten");
        assertEquals(modifiedBefore, Files.getLastModifiedTime(file), "the file was rewritten");
        assertEquals(1, activeDemoKeys(again.organizationId()).size());
    }

    @Test
    void revokedKeyIsReplaced() {
        DemoCredentials previous = readCredentials();
        keyService.revoke(previous.organizationId(), previous.apiKeyId(), previous.userId());

        DemoCredentials repaired = bootstrap.ensureDemoAccount();

        assertNotEquals(previous.apiKey(), repaired.apiKey());
        assertNotEquals(previous.apiKeyId(), repaired.apiKeyId());
        assertEquals(previous.password(), repaired.password());
        assertEquals(previous.organizationId(), repaired.organizationId());
        assertEquals(repaired, readCredentials());
        introspect(previous.apiKey()).then().statusCode(200).body("active", equalTo(false));
        introspect(repaired.apiKey()).then().statusCode(200).body("active", equalTo(true));
        assertEquals(List.of(repaired.apiKeyId()),
                activeDemoKeys(repaired.organizationId()).stream().map(key -> key.id).toList());
    }

    @Test
    void changedPasswordIsReset() {
        DemoCredentials previous = readCredentials();
        String otherHash = BcryptUtil.bcryptHash("another password 123", 4);
        QuarkusTransaction.requiringNew().run(() ->
                users.update("passwordHash = ?1 where id = ?2", otherHash, previous.userId()));

        DemoCredentials repaired = bootstrap.ensureDemoAccount();

        assertNotEquals(previous.password(), repaired.password());
        assertEquals(previous.apiKey(), repaired.apiKey());
        assertEquals(previous.userId(), repaired.userId());
        assertEquals(repaired, readCredentials());
        Response login = IdentityApi.login(repaired.email(), repaired.password());
        assertEquals(200, login.statusCode(), login.asString());
        String storedHash = QuarkusTransaction.requiringNew()
                .call(() -> users.findById(previous.userId()).passwordHash);
        assertTrue(storedHash.matches("\\$2[aby]\\$12\\$.{53}"),
                "the new password must be hashed with bcrypt cost 12, got prefix " + storedHash.substring(0, 7));
    }

    @Test
    void unparsableFileIsReplaced() throws IOException {
        DemoCredentials previous = readCredentials();
        Path file = credentialsPath();
        Files.writeString(file, "{ not json");

        DemoCredentials repaired = bootstrap.ensureDemoAccount();

        assertEquals(repaired, readCredentials());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(previous.userId(), repaired.userId());
        assertEquals(previous.organizationId(), repaired.organizationId());
        assertNotEquals(previous.apiKey(), repaired.apiKey());
        assertNotEquals(previous.password(), repaired.password());
        introspect(previous.apiKey()).then().statusCode(200).body("active", equalTo(false));
        assertEquals(200, IdentityApi.login(repaired.email(), repaired.password()).statusCode());
    }

    private Path credentialsPath() {
        return config.devBootstrap().credentialsFile().orElseThrow();
    }

    private DemoCredentials readCredentials() {
        try {
            return mapper.readValue(credentialsPath().toFile(), DemoCredentials.class);
        } catch (IOException e) {
            throw new AssertionError("could not read " + credentialsPath(), e);
        }
    }

    private List<ApiKey> activeDemoKeys(UUID organizationId) {
        return QuarkusTransaction.requiringNew().call(() -> keys.listActiveByName(organizationId, "demo"));
    }

    private Response introspect(String apiKey) {
        return given().header("X-Internal-Token", internalToken)
                .contentType(ContentType.JSON)
                .body(Map.of("key", apiKey))
                .post("/internal/v1/api-keys/introspect");
    }
}
