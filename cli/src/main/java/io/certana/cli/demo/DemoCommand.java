package io.certana.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.client.ClientSettings;
import io.certana.cli.client.ConfigFile;
import io.certana.cli.client.SettingsResolver;
import io.certana.cli.online.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code certana demo [DIR]}: the main job on this machine. Prepares PostgreSQL, builds and starts
 * the three services on the embedded default, registers real photographs with a demo account,
 * verifies altered copies and unrelated photos, and prints the verdicts. Exits 0 only when every
 * verdict is the expected one. The services keep running afterwards; {@code certana down} stops
 * them, and Ctrl-C during the demo stops the ones it started.
 */
@Command(name = "demo", sortOptions = false,
        description = {
            "Runs the main job locally: starts PostgreSQL with pgvector and the three services, registers "
                    + "photos, verifies altered copies (JPEG 50, half size, 10 %% crop, 5° rotation, "
                    + "screenshot, sticker, splice) and unrelated photos, and prints the verdicts.",
            "Photos come from DIR, else ../shared/data/photos beside the repository, else python3-skimage's "
                    + "sample photographs. Exits 0 only when every verdict is the expected one, 1 otherwise.",
            "The services keep running afterwards with their logs in .certana/logs; stop them with "
                    + "'certana down'. Data stays in the database 'certana' and ~/.local/share/certana for the next "
                    + "run."})
public final class DemoCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CREDENTIALS_TIMEOUT = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder of photos to use (JPEG, PNG, WebP, TIFF, BMP, GIF).")
    private Path folder;

    @Option(names = "--limit", defaultValue = "5", paramLabel = "N",
            description = "Largest number of photos to register (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--unrelated", defaultValue = "1", paramLabel = "N",
            description = "Unrelated photos to verify, each expected to be unknown: python3-skimage photos the "
                    + "demo never registers, else the last photos of DIR in name order (default: ${DEFAULT-VALUE}).")
    private int unrelated;

    @Option(names = "--skip-setup",
            description = "Do not run scripts/setup.sh (PostgreSQL and pgvector are known to be ready).")
    private boolean skipSetup;

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Maximum wait for one photo's registration to finish processing, e.g. 90s or 10m "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    public Integer call() throws Exception {
        try {
            return runDemo(System.out);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Expected failures (a busy port, a failed build, a service that did not start) carry
            // a message with the next step, which a stack trace would bury.
            System.err.println("certana demo: " + e.getMessage());
            return 1;
        }
    }

    private int runDemo(PrintStream out) throws IOException, InterruptedException {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        if (unrelated < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--unrelated must be 0 or more");
        }
        Workspace workspace = Workspace.locate();
        DemoPhotos photos = DemoPhotos.choose(folder == null ? null : folder.toAbsolutePath(), workspace, limit,
                unrelated);
        LocalServices services = new LocalServices(workspace, out);

        if (!skipSetup) {
            services.setUpDatabase();
        }
        services.buildIfNeeded();

        // Ctrl-C while the demo runs stops what it started; a demo that finishes leaves them running.
        Thread stopOnInterrupt = new Thread(() -> {
            List<LocalServices.Service> started = services.launched();
            if (!started.isEmpty()) {
                System.err.println("Interrupted: stopping the services this demo started ...");
                services.stop(started);
            }
        }, "certana-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);

        services.start(Map.of(
                "identity", Map.of("CERTANA_IDENTITY_DEV_BOOTSTRAP_ENABLED", "true",
                        "CERTANA_IDENTITY_DEV_BOOTSTRAP_CREDENTIALS_FILE", Workspace.credentialsFile().toString()),
                "asset", Map.of("CERTANA_ASSET_STORAGE_ROOT", Workspace.assetStorage().toString())));
        String apiKey = readApiKey(Workspace.credentialsFile());

        CertanaClient client = new CertanaClient(new ClientSettings(LocalServices.baseUri("identity"),
                LocalServices.baseUri("asset"), LocalServices.baseUri("verification"), apiKey));
        out.printf("%nPhotos from %s: %d to register, %d unrelated.%n", photos.source(), photos.registered().size(),
                photos.unrelated().size());
        Path copies = workspace.demoDirectory().resolve("copies");
        DemoScenario.Report report = new DemoScenario(client, copies, timeout, out)
                .run(photos.registered(), photos.unrelated());

        out.println();
        DemoReportPrinter.print(report, out);
        Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);

        out.println();
        out.println("The services keep running: identity-service " + LocalServices.baseUri("identity")
                + ", asset-service " + LocalServices.baseUri("asset") + ", verification-service "
                + LocalServices.baseUri("verification") + "; logs in " + workspace.root().relativize(
                        workspace.logDirectory()) + ".");
        out.println("Altered copies are in " + workspace.root().relativize(copies) + "; try 'bin/certana verify "
                + "FILE'. Stored images and the demo account's credentials are in " + Workspace.dataDirectory() + ".");
        offerApiKey(apiKey, out);
        out.println("Stop the services with 'bin/certana down'.");
        return report.passed() ? 0 : 1;
    }

    /**
     * Stores the demo API key in the CLI's config file when neither that file nor the environment
     * contains a key yet, so that {@code certana register} and {@code status} work against the demo.
     * An existing key is never replaced.
     */
    private static void offerApiKey(String apiKey, PrintStream out) throws IOException {
        Map<String, String> environment = System.getenv();
        ConfigFile config = new ConfigFile(ConfigFile.locate(environment, Path.of(System.getProperty("user.home"))));
        String configured = config.read().getProperty(ConfigFile.API_KEY);
        if (apiKey.equals(configured) && !environment.containsKey(SettingsResolver.API_KEY_VARIABLE)) {
            return;
        }
        if (environment.containsKey(SettingsResolver.API_KEY_VARIABLE) || (configured != null && !configured.isBlank())) {
            out.println("The CLI keeps its own API key; 'bin/certana login --api-key KEY' switches to the demo's.");
            return;
        }
        config.update(Map.of(ConfigFile.API_KEY, apiKey));
        out.println("The demo's API key is now the CLI's key, stored in " + config.path() + " (mode 0600).");
    }

    /**
     * Reads the demo API key that identity-service's dev bootstrap writes or confirms at start,
     * before the service reports ready.
     */
    private static String readApiKey(Path file) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(CREDENTIALS_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(file)) {
                JsonNode credentials = JSON.readTree(file.toFile());
                String key = credentials.path("apiKey").asText("");
                if (!key.isEmpty()) {
                    return key;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("identity-service did not write the demo credentials to " + file
                + ". If it was already running without the dev bootstrap, stop it with 'bin/certana down' "
                + "(or end the process on port 8081) and run the demo again.");
    }
}
