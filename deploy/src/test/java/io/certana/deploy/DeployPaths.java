package io.certana.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.certana.deploy.manifest.Kustomize;
import io.certana.deploy.manifest.ManifestCheck;

/** Locations the tests work on, and one shared {@link ManifestCheck} (building the schemas takes a moment). */
public final class DeployPaths {

    private static ManifestCheck check;

    private DeployPaths() {
    }

    /** The repository root: set by surefire, or the parent of the module folder. */
    public static Path repository() {
        String configured = System.getProperty("certana.repository.dir");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/overlays"))) {
            throw new IllegalStateException("No deploy/overlays under " + root + "; set certana.repository.dir");
        }
        return root;
    }

    public static Path deploy() {
        return repository().resolve("deploy");
    }

    public static Path schemaOutput() {
        String configured = System.getProperty("certana.schema.dir");
        return Path.of(configured != null ? configured : "target/kubernetes-schemas").toAbsolutePath();
    }

    public static synchronized ManifestCheck check() {
        if (check == null) {
            check = new ManifestCheck(deploy(), schemaOutput(), Kustomize.onPath());
        }
        return check;
    }
}
