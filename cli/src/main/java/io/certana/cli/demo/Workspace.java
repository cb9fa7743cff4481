package io.certana.cli.demo;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository checkout that {@code certana demo} runs from, and the git-ignored {@code .certana}
 * folder where it keeps process ids, logs, credentials and the copies it makes. The database and the
 * stored images stay in place between runs, so a second demo reuses them.
 */
public record Workspace(Path root) {

    /** System property that {@code bin/certana} sets to the repository root. */
    public static final String HOME_PROPERTY = "certana.home";

    /**
     * Locates the repository root: the {@value #HOME_PROPERTY} system property, else the folder two
     * levels above the running jar ({@code cli/target/certana.jar}).
     */
    public static Workspace locate() {
        String home = System.getProperty(HOME_PROPERTY);
        Path root;
        if (home != null && !home.isBlank()) {
            root = Path.of(home);
        } else {
            try {
                Path jar = Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                root = jar.getParent().getParent().getParent();
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("Cannot locate the Certana repository; run the demo through bin/certana", e);
            }
        }
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("scripts/setup.sh"))) {
            throw new IllegalStateException(root + " is not a Certana repository (scripts/setup.sh is missing); "
                    + "run the demo through bin/certana in a clone of the repository");
        }
        return new Workspace(root);
    }

    /** {@code .certana/run}: one {@code <service>.pid} file per service that the demo started. */
    public Path runDirectory() {
        return root.resolve(".certana/run");
    }

    /** {@code .certana/logs}: one {@code <service>.log} file per service. */
    public Path logDirectory() {
        return root.resolve(".certana/logs");
    }

    /** {@code .certana/demo}: the altered copies of the last run. */
    public Path demoDirectory() {
        return root.resolve(".certana/demo");
    }

    /**
     * Returns the demo's data folder, {@code $XDG_DATA_HOME/certana} or {@code ~/.local/share/certana}: the
     * stored images and the demo account's credentials. It belongs to the user, not to a checkout,
     * because the database {@code certana} belongs to the machine. Two checkouts of the repository
     * then share one consistent set of assets, files and API key.
     */
    public static Path dataDirectory() {
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank() ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("certana");
    }

    /** Returns the folder where the demo's asset-service stores originals and watermarked outputs. */
    public static Path assetStorage() {
        return dataDirectory().resolve("assets");
    }

    /** Returns the JSON file that identity-service's dev bootstrap writes the demo account into. */
    public static Path credentialsFile() {
        return dataDirectory().resolve("demo-credentials.json");
    }

    /** Returns the shared test photos beside the repository, present in CI but not on a user's machine. */
    public Path sharedPhotos() {
        return root.resolveSibling("shared").resolve("data/photos");
    }
}
