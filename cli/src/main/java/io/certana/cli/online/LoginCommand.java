package io.certana.cli.online;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.client.CertanaClientException;
import io.certana.cli.client.ClientSettings;
import io.certana.cli.client.ConfigFile;
import io.certana.cli.client.SettingsResolver;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code certana login}: stores an API key in the config file, either a given key after checking
 * that it works, or a new key created with the user's email and password. Neither the key nor the
 * password is ever printed.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
                "Stores an API key, and any --identity-url, --asset-url and --verification-url given, in the config "
                        + "file ($CERTANA_CONFIG, else $XDG_CONFIG_HOME/certana/config.properties, else "
                        + "~/.config/certana/config.properties), readable only by you.",
                "With --api-key the key is stored once GET /api/v1/quotas on verification-service accepts it.",
                "With --email you log in with your password (asked for without echo, or read with "
                        + "--password-stdin), and a new key named certana-cli@<host> with scopes read, write and "
                        + "verify is created in your organization. Creating keys needs the owner or admin role.",
        })
public final class LoginCommand implements Callable<Integer> {

    /** Prefix of the name of the keys this command creates; the host name follows. */
    static final String KEY_NAME_PREFIX = "certana-cli@";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions services;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Credentials credentials;

    /** How to log in: exactly one of an existing key and an account's email. */
    static final class Credentials {
        @Option(names = "--api-key", paramLabel = "KEY", required = true,
                description = "An existing API key (cert_pk_...) to check and store. It needs scope read or verify, "
                        + "and write to register.")
        String apiKey;

        @Option(names = "--email", paramLabel = "EMAIL", required = true,
                description = "Log in as this user and create a new API key.")
        String email;
    }

    @Option(names = "--password-stdin", description = "With --email: read the password from the first line of "
            + "standard input instead of asking for it.")
    private boolean passwordFromStdin;

    @Option(names = "--organization", paramLabel = "SLUG|ID", description = "With --email: the organization to "
            + "create the key in, by slug or id. Needed when the user belongs to more than one.")
    private String organization;

    @Override
    public Integer call() {
        if (credentials.apiKey != null && (passwordFromStdin || organization != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--password-stdin and --organization apply to --email only.");
        }
        ErrorLines errors = new ErrorLines(spec.commandLine().getErr());
        SettingsResolver resolver = SettingsResolver.forCurrentUser();
        ClientSettings settings = services.resolve(resolver, credentials.apiKey, errors);
        if (settings == null) {
            return errors.exitCode();
        }

        try {
            StoredKey key = credentials.apiKey != null ? checkKey(settings) : createKey(settings, errors);
            if (key == null) {
                return errors.exitCode();
            }
            store(resolver.configFile(), key.key());
            PrintWriter out = spec.commandLine().getOut();
            out.println(key.message() + " Stored it in " + resolver.configFile().path() + ".");
            out.flush();
        } catch (CertanaClientException e) {
            errors.report("certana: login failed: " + e.getMessage());
        } catch (IOException e) {
            errors.report("certana: login failed: cannot write the config file " + resolver.configFile().path()
                    + ": " + e.getMessage());
        }
        return errors.exitCode();
    }

    /**
     * A key to store, and the message to print about it.
     *
     * @param key the API key itself, which is never printed
     * @param message a sentence naming the key by its prefix
     */
    private record StoredKey(String key, String message) {

        @Override
        public String toString() {
            return "StoredKey[key=<hidden>, message=" + message + "]";
        }
    }

    /** Checks the given key with GET /api/v1/quotas on verification-service. */
    private static StoredKey checkKey(ClientSettings settings) throws CertanaClientException {
        new CertanaClient(settings).quotas();
        return new StoredKey(settings.apiKey(), "API key " + settings.apiKeyPrefix()
                + " works with verification-service at " + settings.verificationUrl() + ".");
    }

    /**
     * Logs in, picks the organization and creates a key in it. Returns null after reporting an
     * error that needs no exception, such as a missing password or an ambiguous organization.
     */
    private StoredKey createKey(ClientSettings settings, ErrorLines errors) throws CertanaClientException {
        char[] password = readPassword(errors);
        if (password == null) {
            return null;
        }
        CertanaClient client = new CertanaClient(settings);
        String accessToken;
        try {
            accessToken = client.login(credentials.email, password);
        } finally {
            Arrays.fill(password, '\0');
        }

        JsonNode user = client.currentUser(accessToken);
        JsonNode chosen = chooseOrganization(user.path("organizations"), errors);
        if (chosen == null) {
            return null;
        }

        UUID organizationId = UUID.fromString(chosen.path("id").asText());
        String keyName = KEY_NAME_PREFIX + hostName();
        JsonNode created;
        try {
            created = client.createApiKey(accessToken, organizationId, keyName, CertanaClient.CLI_KEY_SCOPES);
        } catch (CertanaClientException e) {
            if (e.status() != 403) {
                throw e;
            }
            errors.report("certana: login failed: " + e.getMessage() + " Your role in " + chosen.path("slug").asText()
                    + " is " + chosen.path("role").asText() + ", and only owners and admins can create API keys: "
                    + "ask one for a key and run certana login --api-key.");
            return null;
        }
        return new StoredKey(created.path("key").asText(), "Logged in as " + credentials.email
                + " and created API key " + created.path("keyPrefix").asText() + "… (" + keyName + ", scopes "
                + String.join(", ", CertanaClient.CLI_KEY_SCOPES) + ") in organization "
                + chosen.path("name").asText() + " (" + chosen.path("slug").asText() + ").");
    }

    /**
     * Returns the organization that {@code --organization} names, or the user's only one. Reports
     * an error listing the organizations and returns null when the choice is missing or matches none.
     */
    private JsonNode chooseOrganization(JsonNode organizations, ErrorLines errors) {
        List<JsonNode> all = new ArrayList<>();
        organizations.forEach(all::add);
        if (all.isEmpty()) {
            errors.report("certana: login failed: " + credentials.email + " belongs to no organization. Create one "
                    + "first (POST /api/v1/organizations on identity-service), then run certana login again.");
            return null;
        }
        if (organization == null) {
            if (all.size() == 1) {
                return all.get(0);
            }
            errors.report("certana: login failed: " + credentials.email + " belongs to " + all.size()
                    + " organizations; choose one with --organization SLUG|ID: " + describe(all));
            return null;
        }
        for (JsonNode candidate : all) {
            if (organization.equals(candidate.path("slug").asText()) || organization.equalsIgnoreCase(
                    candidate.path("id").asText())) {
                return candidate;
            }
        }
        errors.report("certana: login failed: " + credentials.email + " is not a member of an organization '"
                + organization + "'; the user's organizations are: " + describe(all));
        return null;
    }

    private static String describe(List<JsonNode> organizations) {
        List<String> items = new ArrayList<>();
        for (JsonNode organization : organizations) {
            items.add(organization.path("slug").asText() + " (" + organization.path("name").asText() + ", "
                    + organization.path("role").asText() + ", id " + organization.path("id").asText() + ")");
        }
        return String.join("; ", items);
    }

    /** Reads the password from standard input or the console; reports an error and returns null when neither works. */
    private char[] readPassword(ErrorLines errors) {
        if (passwordFromStdin) {
            try {
                char[] password = firstLine(System.in);
                if (password.length == 0) {
                    errors.report("certana: login failed: --password-stdin read an empty password.");
                    return null;
                }
                return password;
            } catch (IOException e) {
                errors.report("certana: login failed: cannot read the password from standard input: "
                        + e.getMessage());
                return null;
            }
        }
        Console console = System.console();
        if (console == null) {
            errors.report("certana: login failed: no console to ask for the password; pass it on standard input "
                    + "with --password-stdin.");
            return null;
        }
        char[] password = console.readPassword("Password for %s: ", credentials.email);
        if (password == null || password.length == 0) {
            errors.report("certana: login failed: no password entered.");
            return null;
        }
        return password;
    }

    /**
     * Reads standard input up to the first line break as UTF-8, without building a String, so that
     * the caller can clear the password afterwards.
     */
    static char[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) != -1 && next != '\n') {
            line.write(next);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, length));
        char[] password = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(decoded.array(), '\0');
        return password;
    }

    /** Writes the key and the URL flags given on the command line to the config file. */
    private void store(ConfigFile file, String key) throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put(ConfigFile.API_KEY, key);
        if (services.identityUrl != null) {
            values.put(ConfigFile.IDENTITY_URL, services.identityUrl.toString());
        }
        if (services.assetUrl != null) {
            values.put(ConfigFile.ASSET_URL, services.assetUrl.toString());
        }
        if (services.verificationUrl != null) {
            values.put(ConfigFile.VERIFICATION_URL, services.verificationUrl.toString());
        }
        file.update(values);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "localhost";
        }
    }
}
