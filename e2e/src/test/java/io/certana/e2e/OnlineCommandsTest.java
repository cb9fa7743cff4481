package io.certana.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.cli.CertanaCommand;
import io.certana.cli.client.CertanaClient;
import io.certana.cli.client.ClientSettings;
import io.certana.cli.client.ConfigFile;
import io.certana.cli.client.SettingsResolver;
import picocli.CommandLine;

/**
 * Runs {@code certana login}, {@code register}, {@code verify} and {@code status} in this JVM, as
 * {@code bin/certana} would, against the three services of {@link Services}. The commands read
 * their config file from {@code CERTANA_CONFIG}, which e2e/pom.xml points into target/. Each test
 * starts with a fresh organization whose key is in that file.
 */
class OnlineCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COMMAND_LOG = Path.of("target", "e2e-logs", "commands.log");
    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static Services services;
    private static ConfigFile config;

    @TempDir
    Path dir;

    private Services.Tenant tenant;

    /** Exit code and captured output of one command. */
    private record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startServices() {
        String configPath = System.getenv(ConfigFile.PATH_VARIABLE);
        if (configPath == null || !configPath.contains("target")) {
            throw new IllegalStateException(ConfigFile.PATH_VARIABLE + " must name a file under target/, as "
                    + "e2e/pom.xml sets it; otherwise these tests would overwrite your own certana config. Run them "
                    + "with: mvn -B -ntp -pl cli,e2e verify");
        }
        config = SettingsResolver.forCurrentUser().configFile();
        services = Services.get();
    }

    @BeforeEach
    void loginFreshOrganization() throws IOException {
        tenant = services.newTenant("cli");
        Files.deleteIfExists(config.path());
        config.update(Map.of(
                ConfigFile.IDENTITY_URL, services.identityUrl().toString(),
                ConfigFile.ASSET_URL, services.assetUrl().toString(),
                ConfigFile.VERIFICATION_URL, services.verificationUrl().toString(),
                ConfigFile.API_KEY, tenant.settings().apiKey()));
    }

    /**
     * Runs a command and appends it with its output to target/e2e-logs/commands.log, for reading
     * after a failure. The log shows only the prefix of an --api-key argument.
     */
    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CertanaCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        Result result = new Result(exitCode, out.toString(), err.toString());
        try {
            Files.writeString(COMMAND_LOG, "$ certana " + commandText(args) + "\n" + result.out() + result.err()
                    + "(exit code " + exitCode + ")\n\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to " + COMMAND_LOG, e);
        }
        return result;
    }

    private static String commandText(String... args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            boolean key = i > 0 && args[i - 1].equals("--api-key");
            shown.add(key ? ClientSettings.displayPrefix(args[i]) : args[i]);
        }
        return String.join(" ", shown);
    }

    /** Runs a command with {@code input} as standard input, for --password-stdin. */
    private static Result runWithInput(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(original);
        }
    }

    private static String[] withUrls(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--identity-url", services.identityUrl().toString(),
                "--asset-url", services.assetUrl().toString(),
                "--verification-url", services.verificationUrl().toString()));
        return all.toArray(String[]::new);
    }

    /** Returns the line of {@code text} that contains {@code needle}, or fails. */
    private static String lineWith(String text, String needle) {
        return text.lines().filter(line -> line.contains(needle)).findFirst()
                .orElseThrow(() -> new AssertionError("No line contains '" + needle + "' in:\n" + text));
    }

    private static UUID assetIdIn(String line) {
        Matcher matcher = UUID_PATTERN.matcher(line);
        assertTrue(matcher.find(), "no asset id in: " + line);
        return UUID.fromString(matcher.group());
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void loginApiKeyStoresPrivateConfig() throws Exception {
        Files.delete(config.path());
        String key = tenant.settings().apiKey();

        Result result = run(withUrls("login", "--api-key", key));

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("API key " + tenant.settings().apiKeyPrefix() + " works with "
                + "verification-service at " + services.verificationUrl()), result.out());
        assertFalse(result.out().contains(key), "the key was printed");
        assertFalse(result.err().contains(key), "the key was printed");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.path())));
        Properties stored = config.read();
        assertEquals(key, stored.getProperty(ConfigFile.API_KEY));
        assertEquals(services.identityUrl().toString(), stored.getProperty(ConfigFile.IDENTITY_URL));
        assertEquals(services.assetUrl().toString(), stored.getProperty(ConfigFile.ASSET_URL));
        assertEquals(services.verificationUrl().toString(), stored.getProperty(ConfigFile.VERIFICATION_URL));
    }

    @Test
    void loginEmailChoosesOrganization() throws Exception {
        services.addOrganization(tenant, "second");

        Result ambiguous = runWithInput(Services.PASSWORD + "\n", "login", "--email", tenant.email(),
                "--password-stdin");
        Result chosen = runWithInput(Services.PASSWORD + "\n", "login", "--email", tenant.email(),
                "--password-stdin", "--organization", tenant.slug());

        assertEquals(1, ambiguous.exitCode());
        assertTrue(ambiguous.err().contains("belongs to 2 organizations; choose one with --organization"),
                ambiguous.err());
        assertTrue(ambiguous.err().contains(tenant.slug() + " ("), ambiguous.err());
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertTrue(chosen.out().contains("Logged in as " + tenant.email() + " and created API key cert_pk_"),
                chosen.out());
        assertTrue(chosen.out().contains("(certana-cli@"), chosen.out());
        assertTrue(chosen.out().contains("in organization "), chosen.out());
        String newKey = config.read().getProperty(ConfigFile.API_KEY);
        assertTrue(newKey.startsWith("cert_pk_"), "stored key has no cert_pk_ prefix");
        assertNotEquals(tenant.settings().apiKey(), newKey);
        assertFalse(chosen.out().contains(newKey), "the key was printed");
        assertFalse(chosen.out().contains(Services.PASSWORD), "the password was printed");
        assertFalse(services.identityLog().contains(newKey), "identity-service logged the key");

        Result status = run("status");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("API key: " + ClientSettings.displayPrefix(newKey)), status.out());
    }

    @Test
    void registerVerifyAndStatusFlow() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Path chelsea = Photos.uniqueCopy("chelsea.png", photos);
        Path coffee = Photos.uniqueCopy("coffee.png", photos);
        Path unrelated = Photos.skimage("rocket.jpg");

        Result registered = run("register", "--wait", "--timeout", "5m", photos.toString());

        assertEquals(0, registered.exitCode(), registered.err());
        List<String> table = registered.out().lines().toList();
        assertEquals(3, table.size(), registered.out());
        assertTrue(table.get(0).matches("FILE +ASSET ID +STATUS +CID +NOTE"), table.get(0));
        assertTrue(table.get(1).startsWith(chelsea.toString()), "directory files are sorted: " + table);
        assertTrue(table.get(2).startsWith(coffee.toString()), "directory files are sorted: " + table);
        for (String row : table.subList(1, 3)) {
            assertTrue(row.contains(" completed "), row);
            assertTrue(row.matches(".* baf[a-z2-7]+ +-$"), "CID and empty note expected: " + row);
        }
        UUID coffeeId = assetIdIn(table.get(2));

        Result again = run("register", "--json", coffee.toString());
        assertEquals(0, again.exitCode(), again.err());
        JsonNode existing = JSON.readTree(again.out()).get(0);
        assertEquals(coffee.toString(), existing.path("file").asText());
        assertTrue(existing.path("existing").asBoolean(), again.out());
        assertEquals(coffeeId.toString(), existing.path("id").asText());

        CertanaClient.Download download = new CertanaClient(tenant.settings()).watermarked(coffeeId);
        assertEquals("image/png", download.mediaType());
        Path marked = Files.write(dir.resolve("coffee-watermarked.png"), download.bytes());

        Result verified = run("verify", marked.toString(), unrelated.toString());
        assertEquals(0, verified.exitCode(), verified.err());
        assertTrue(verified.out().lines().findFirst().orElseThrow()
                .matches("FILE +VERDICT +CONFIDENCE +MATCHED ASSET +EVIDENCE"), verified.out());
        String markedRow = lineWith(verified.out(), marked.toString());
        assertTrue(markedRow.contains(" authentic "), markedRow);
        assertTrue(markedRow.contains(" 1.00 "), markedRow);
        assertTrue(markedRow.contains(coffeeId.toString()), markedRow);
        assertTrue(markedRow.contains("hash match"), markedRow);
        String unrelatedRow = lineWith(verified.out(), unrelated.toString());
        assertTrue(unrelatedRow.contains(" unknown "), unrelatedRow);
        assertTrue(unrelatedRow.endsWith(" no match"), unrelatedRow);

        Result verifiedJson = run("verify", "--json", marked.toString(), unrelated.toString());
        assertEquals(0, verifiedJson.exitCode(), verifiedJson.err());
        JsonNode answers = JSON.readTree(verifiedJson.out());
        assertEquals(2, answers.size());
        assertEquals(marked.toString(), answers.get(0).path("file").asText());
        assertEquals("authentic", answers.get(0).path("verdict").asText());
        assertEquals(coffeeId.toString(), answers.get(0).path("matchedAsset").path("id").asText());
        assertTrue(answers.get(0).path("evidence").path("contentHashMatch").asBoolean());
        assertEquals(unrelated.toString(), answers.get(1).path("file").asText());
        assertEquals("unknown", answers.get(1).path("verdict").asText());
        assertTrue(answers.get(1).path("matchedAsset").isMissingNode(), answers.get(1).toString());

        Result status = run("status");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(lineWith(status.out(), "identity-service").endsWith(" ready"), status.out());
        assertTrue(lineWith(status.out(), "asset-service").endsWith(" ready"), status.out());
        assertTrue(lineWith(status.out(), "verification-service").endsWith(" ready"), status.out());
        assertTrue(status.out().contains("API key: " + tenant.settings().apiKeyPrefix() + " (from config file "
                + config.path() + ")"), status.out());
        assertTrue(lineWith(status.out(), "uploads").matches("uploads +2 +[0-9,]+"), status.out());
        assertTrue(lineWith(status.out(), "verifications").matches("verifications +4 +[0-9,]+"), status.out());
    }

    @Test
    void missingFileFailsOthersStillRun() throws Exception {
        Path missing = dir.resolve("missing.jpg");
        Path noise = Photos.noise(dir, "noise.png");

        Result registered = run("register", missing.toString(), noise.toString());
        Result verified = run("verify", missing.toString());

        assertEquals(1, registered.exitCode());
        assertTrue(registered.err().contains("certana: " + missing + ": file not found."), registered.err());
        assertTrue(lineWith(registered.out(), missing.toString()).matches(".* - +error +- +-$"), registered.out());
        String noiseRow = lineWith(registered.out(), noise.toString());
        assertTrue(noiseRow.matches(".* (pending|processing|completed) +baf[a-z2-7]+.*"), noiseRow);
        assertEquals(1, verified.exitCode());
        assertTrue(verified.err().contains("certana: " + missing + ": file not found."), verified.err());
    }

    @Test
    void stoppedServiceIsNamed() throws Exception {
        URI down = closedPort();

        Result verified = run("verify", "--verification-url", down.toString(),
                Photos.noise(dir, "copy.png").toString());
        Result status = run("status", "--asset-url", down.toString());

        assertEquals(1, verified.exitCode());
        assertTrue(verified.err().contains("Cannot connect to verification-service at " + down), verified.err());
        assertTrue(verified.err().contains("the service is not running there"), verified.err());
        assertEquals(1, status.exitCode());
        assertTrue(lineWith(status.out(), "asset-service").endsWith(" not reachable"), status.out());
        assertTrue(lineWith(status.out(), "identity-service").endsWith(" ready"), status.out());
        assertTrue(status.err().contains("certana: asset-service: not reachable at " + down), status.err());
    }

    @Test
    void invalidKeyIsRejected() throws Exception {
        String invalidKey = "cert_pk_" + UUID.randomUUID().toString().replace("-", "") + "invalid";

        Result login = run("login", "--api-key", invalidKey);

        assertEquals(1, login.exitCode());
        assertTrue(login.err().contains("verification-service returned HTTP 401"), login.err());
        assertTrue(login.err().contains("Check the API key"), login.err());
        assertFalse(login.err().contains(invalidKey), "the key was printed");
        assertEquals(tenant.settings().apiKey(), config.read().getProperty(ConfigFile.API_KEY),
                "a rejected key must not replace the stored one");
    }

    @Test
    void otherOrganizationsBytesConflict() throws Exception {
        Path noise = Photos.noise(dir, "claimed.png");
        ClientSettings other = services.newOrganization("other");
        String existingCid = new CertanaClient(other).register(noise, null).path("cid").asText();

        Result registered = run("register", noise.toString());

        assertEquals(1, registered.exitCode());
        assertTrue(registered.err().contains("asset-service returned HTTP 409"), registered.err());
        assertTrue(registered.err().contains("Existing CID: " + existingCid + "."), registered.err());
        assertTrue(lineWith(registered.out(), noise.toString()).contains(" error "), registered.out());
    }

    @Test
    void missingApiKeyVerifiesAnonymously() throws Exception {
        Map<String, String> withoutKey = new HashMap<>();
        withoutKey.put(ConfigFile.API_KEY, null);
        config.update(withoutKey);

        Path noise = Photos.noise(dir, "nokey.png");

        Result registered = run("register", noise.toString());
        Result anonymous = run("verify", noise.toString());
        Result status = run("status");

        assertEquals(0, anonymous.exitCode(), anonymous.err());
        assertTrue(lineWith(anonymous.out(), noise.toString()).contains(" unknown "), anonymous.out());
        assertEquals(1, registered.exitCode());
        assertTrue(registered.err().contains("No API key is configured"), registered.err());
        assertTrue(registered.err().contains("certana login"), registered.err());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("API key: none configured"), status.out());
    }
}
