package io.certana.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * identity-service started from its packaged jar for the tests of the other services, with the
 * test profile against {@code certana_test}: accounts, organizations and API keys are created
 * through its real HTTP API, and the access tokens it signs verify with the test public key.
 *
 * <p>The process runs with {@code quarkus.profile=test} but without the test profile's Flyway clean,
 * so it only migrates: data that identity-service's own tests or an earlier run left stays, and
 * every account here uses a fresh email address.
 */
public final class IdentityService implements AutoCloseable {

    /** System property naming identity-service's packaged jar, set by the calling module's surefire configuration. */
    public static final String JAR_PROPERTY = "certana.identity.jar";

    /** Password of every account created here. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final Pattern TOKEN_IN_LINK = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

    private final ServiceProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IdentityService(ServiceProcess process) {
        this.process = process;
    }

    /**
     * An account with a verified email and a fresh access token.
     *
     * @param userId the user's id
     * @param email the address it signed up with
     * @param accessToken a 15-minute access token from login
     */
    public record Account(UUID userId, String email, String accessToken) {
    }

    /**
     * Starts identity-service from the jar named by {@value #JAR_PROPERTY}.
     *
     * @param internalToken the shared internal token the calling service's test profile uses
     * @param logFile where the service's output goes
     */
    public static IdentityService start(String internalToken, Path logFile) {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set: the module's surefire "
                    + "configuration must name identity-service's target/quarkus-app/quarkus-run.jar");
        }
        Path keys = testKeyFolder();
        ServiceProcess process = ServiceProcess.jar("identity-service", Path.of(jar))
                .property("quarkus.profile", "test")
                .property("quarkus.flyway.clean-at-start", "false")
                .property("certana.identity.jwt.private-key-location", keys.resolve("private.pem").toString())
                .property("mp.jwt.verify.publickey.location", keys.resolve("public.pem").toString())
                .property("certana.internal.token", internalToken)
                .environment("CERTANA_DB_PASSWORD", System.getenv().getOrDefault("CERTANA_DB_PASSWORD", "certana-dev"))
                .jvmOption("-Xmx256m")
                .logFile(logFile)
                .start();
        return new IdentityService(process);
    }

    public URI baseUri() {
        return process.baseUri();
    }

    public ServiceProcess process() {
        return process;
    }

    /** Signs up a new user with a unique address, verifies it through the mailed token and logs in. */
    public Account newAccount(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        JsonObject user = post("/api/v1/auth/signup", null,
                Map.of("email", email, "password", PASSWORD, "fullName", name), 201);
        post("/api/v1/auth/verify-email", null, Map.of("token", verificationToken(email)), 200);
        return new Account(UUID.fromString(user.getString("id")), email, login(email));
    }

    /** Logs in and returns a fresh access token. */
    public String login(String email) {
        return post("/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD), 200)
                .getString("accessToken");
    }

    /** Creates an organization owned by the token's user and returns its id. */
    public UUID createOrganization(String accessToken, String name) {
        return UUID.fromString(post("/api/v1/organizations", accessToken, Map.of("name", name), 201).getString("id"));
    }

    /** Adds an existing, verified user to the organization with a role (admin, member or viewer). */
    public void addMember(String accessToken, UUID organizationId, String email, String role) {
        post("/api/v1/organizations/" + organizationId + "/members", accessToken, Map.of("email", email, "role", role),
                201);
    }

    /** Creates an API key with the given scopes and returns the key itself. */
    public String createApiKey(String accessToken, UUID organizationId, List<String> scopes) {
        return post("/api/v1/organizations/" + organizationId + "/api-keys", accessToken,
                Map.of("name", "test key", "scopes", scopes), 201).getString("key");
    }

    @Override
    public void close() {
        process.close();
    }

    /** Reads the newest verification token mailed to the address from the service log (mock mailer). */
    private String verificationToken(String email) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String log = process.log();
            int mail = log.lastIndexOf("to [" + email + "]");
            if (mail >= 0) {
                Matcher matcher = TOKEN_IN_LINK.matcher(log);
                if (matcher.find(mail)) {
                    return matcher.group(1);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("No verification mail to " + email + " appeared in " + process.logFile());
    }

    private JsonObject post(String path, String accessToken, Map<String, Object> body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(process.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body)));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("POST " + path + " to identity-service returned " + response.statusCode()
                        + " instead of " + expectedStatus + ": " + response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new StringReader(text)).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " to identity-service failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during POST " + path, e);
        }
    }

    private static String toJson(Map<String, Object> body) {
        var object = Json.createObjectBuilder();
        body.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                var array = Json.createArrayBuilder();
                list.forEach(item -> array.add(String.valueOf(item)));
                object.add(key, array);
            } else {
                object.add(key, String.valueOf(value));
            }
        });
        return object.build().toString();
    }

    /**
     * Copies the test key pair ({@code private.pem}, {@code public.pem}) out of the classpath into a
     * temporary folder and returns it, for services that read keys from files.
     */
    public static Path testKeyFolder() {
        try {
            Path folder = Files.createTempDirectory("certana-test-keys");
            for (String name : List.of("private.pem", "public.pem")) {
                try (InputStream in = IdentityService.class.getClassLoader()
                        .getResourceAsStream("certana-test-keys/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("certana-test-keys/" + name + " is not on the classpath");
                    }
                    Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the test keys to a temporary folder", e);
        }
    }
}
