package io.certana.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only reference material beside the repository ({@code ../shared}), which
 * surefire passes in the system property {@value #PROPERTY}. Tests that need it skip, with a
 * message naming the missing path, where it is absent.
 */
public final class SharedData {

    /** System property that contains the shared folder's path. */
    public static final String PROPERTY = "certana.shared.dir";

    private SharedData() {
    }

    /**
     * Returns the path of a file or folder inside the shared folder, or skips the calling test
     * (JUnit assumption) when the shared folder or that entry is missing.
     *
     * @param relativePath path inside the shared folder, such as {@code data/photos}
     */
    public static Path require(String relativePath) {
        String dir = System.getProperty(PROPERTY);
        Assumptions.assumeTrue(dir != null && !dir.isBlank(),
                "Skipped: system property " + PROPERTY + " is not set, so ../shared cannot be located");
        Path path = Path.of(dir).resolve(relativePath).normalize();
        Assumptions.assumeTrue(Files.exists(path), "Skipped: shared test data " + path + " is absent");
        return path;
    }
}
