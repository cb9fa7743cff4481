package io.certana.deploy.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders kustomizations with {@code kubectl kustomize}, which needs no cluster. The overlays use
 * Kustomize 5 features ({@code labels}, inline JSON patches with targets), so an older kubectl
 * (Debian 12's kubernetes-client 1.20 carries Kustomize 2) is rejected with a clear message.
 */
public final class Kustomize {

    /** Smallest Kustomize major version that renders the overlays. */
    public static final int REQUIRED_MAJOR = 5;

    private static final Pattern MAJOR = Pattern.compile("^v?(\\d+)\\.");
    private static final long TIMEOUT_SECONDS = 120;

    private final String kubectl;

    public Kustomize(String kubectl) {
        this.kubectl = kubectl;
    }

    /** Uses the {@code kubectl} found on the PATH. */
    public static Kustomize onPath() {
        return new Kustomize("kubectl");
    }

    /** Returns the Kustomize version built into kubectl, such as {@code v5.5.0}, or fails when it is too old. */
    public String requireVersion() {
        String output = run(List.of(kubectl, "version", "--client", "-o", "json"), null);
        JsonNode version;
        try {
            version = new ObjectMapper().readTree(output);
        } catch (IOException e) {
            throw new ManifestCheckException("kubectl version printed no JSON: " + output, e);
        }
        String kustomize = version.path("kustomizeVersion").asText("");
        Matcher major = MAJOR.matcher(kustomize);
        if (!major.find() || Integer.parseInt(major.group(1)) < REQUIRED_MAJOR) {
            throw new ManifestCheckException("kubectl " + version.path("clientVersion").path("gitVersion").asText("?")
                    + " carries Kustomize '" + kustomize + "', but the overlays need Kustomize " + REQUIRED_MAJOR
                    + " or newer (kubectl 1.27 or newer)");
        }
        return kustomize;
    }

    /** Renders the kustomization in {@code directory} to one YAML stream. */
    public String render(Path directory) {
        return run(List.of(kubectl, "kustomize", directory.toString()), directory.getFileName().toString());
    }

    private String run(List<String> command, String what) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new ManifestCheckException("Cannot run " + command.get(0)
                    + " (" + e.getMessage() + "); scripts/setup.sh installs kubectl when it is missing", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ManifestCheckException(String.join(" ", command) + " timed out after "
                        + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new ManifestCheckException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + (what == null ? "" : " while rendering " + what) + ": "
                        + stderr.join().strip());
            }
            return stdout.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ManifestCheckException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The kustomization folders under {@code deployDir} that the check renders: every overlay and the PostgreSQL example. */
    public static List<Path> kustomizations(Path deployDir) {
        List<Path> directories = new ArrayList<>();
        try (var overlays = java.nio.file.Files.list(deployDir.resolve("overlays"))) {
            overlays.filter(dir -> java.nio.file.Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .sorted()
                    .forEach(directories::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + deployDir.resolve("overlays"), e);
        }
        directories.add(deployDir.resolve("postgres"));
        return directories;
    }
}
