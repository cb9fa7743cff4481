package io.certana.deploy.image;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.deploy.DeployPaths;
import io.certana.deploy.docker.Dockerfile;
import io.certana.deploy.manifest.Manifest;

/**
 * Starts a service the way its JVM image does, without a container engine. It runs the ENTRYPOINT,
 * WORKDIR and ENV of the service's Dockerfile.jvm on the fast-jar layout in target/quarkus-app,
 * which the Dockerfile copies to /deployments. The environment is the one that the service's
 * Deployment in a rendered overlay gives the container (ConfigMap and Secret values). Container paths are mapped to folders of the
 * test: /deployments to target/quarkus-app, and every volume mount to a temporary folder holding
 * what the volume would (Secret files, an empty blob store). Host names and ports become loopback
 * ones, so the process talks to the local PostgreSQL (the database of {@link ScratchDatabase}) and
 * listens on 127.0.0.1 only.
 */
final class ImageRun implements AutoCloseable {

    private static final String IMAGE_APP_DIR = "/deployments";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final String service;
    private final Process process;
    private final int port;
    private final Path log;
    private Integer exitCode;

    private ImageRun(String service, Process process, int port, Path log) {
        this.service = service;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code service} with the container environment of {@code deployment}.
     *
     * @param objects the rendered overlay that contains the Deployment and its ConfigMap
     * @param secrets values of the Secret keys the Deployment reads, by {@code secret/key}
     * @param overrides environment values that replace the container's (service addresses)
     */
    static ImageRun start(String service, List<Manifest> objects, Map<String, String> secrets,
            Map<String, String> overrides, Path workDir) throws IOException {
        Path app = DeployPaths.repository().resolve(service).resolve("target/quarkus-app");
        assertTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")), app + "/quarkus-run.jar is missing: package "
                + service + " first (mvn -B -ntp -pl " + service + " -am package -DskipTests)");
        Dockerfile dockerfile = Dockerfile.read(DeployPaths.repository(),
                DeployPaths.repository().resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        Manifest deployment = objects.stream()
                .filter(m -> m.is("apps/v1", "Deployment") && m.name().equals(service))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + service));
        JsonNode pod = deployment.content().at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        Map<String, String> paths = new LinkedHashMap<>();
        paths.put(IMAGE_APP_DIR, app.toString());
        paths.putAll(mountVolumes(service, pod, container, secrets, workDir));

        Map<String, String> env = new LinkedHashMap<>(dockerfile.env());
        env.putAll(containerEnv(objects, container, secrets));
        int port = freePort();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("CERTANA_DB_HOST", "127.0.0.1");
        env.put("CERTANA_DB_PORT", "5432");
        env.put("CERTANA_DB_NAME", ScratchDatabase.NAME);
        env.putAll(overrides);
        env.replaceAll((name, value) -> mapPaths(value, paths));

        List<String> command = new ArrayList<>();
        dockerfile.entrypoint().forEach(argument -> command.add(mapPaths(argument, paths)));
        Path log = workDir.resolve(service + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of(mapPaths(dockerfile.workdir(), paths)).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The container has only the image's and the Deployment's variables; PATH finds java.
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        return new ImageRun(service, builder.start(), port, log);
    }

    /** Waits until the started, ready and live health checks all return 200, and returns the seconds it took. */
    double awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        long deadline = start + READY_TIMEOUT.toNanos();
        List<String> checks = List.of("/q/health/started", "/q/health/ready", "/q/health/live");
        int passed = 0;
        while (passed < checks.size()) {
            if (!process.isAlive()) {
                fail(service + " exited with code " + process.exitValue() + " before it was healthy:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                fail(service + " was not healthy within " + READY_TIMEOUT.toSeconds() + " s; failing check "
                        + checks.get(passed) + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(checks.get(passed)))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    passed++;
                    continue;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends SIGTERM, as Kubernetes does, and returns the exit code once the process has stopped. */
    int stop() throws InterruptedException {
        if (exitCode == null) {
            process.destroy();
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail(service + " did not stop within 45 s of SIGTERM:\n" + logTail());
            }
            exitCode = process.exitValue();
        }
        return exitCode;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process if it still runs and keeps its log under target/image-logs for a failed build's reader. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            stop();
        }
        Path logs = Files.createDirectories(Path.of("target/image-logs"));
        Files.copy(log, logs.resolve(service + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Resolves the container's environment: envFrom ConfigMaps first, then env entries, which win. */
    private static Map<String, String> containerEnv(List<Manifest> objects, JsonNode container, Map<String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String name = source.at("/configMapRef/name").asText();
            Manifest configMap = objects.stream().filter(m -> m.is("v1", "ConfigMap") && m.name().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name));
            configMap.content().path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("value")) {
                env.put(name, variable.path("value").asText());
                continue;
            }
            JsonNode ref = variable.at("/valueFrom/secretKeyRef");
            String key = ref.path("name").asText() + "/" + ref.path("key").asText();
            if (secrets.containsKey(key)) {
                env.put(name, secrets.get(key));
            } else if (!ref.path("optional").asBoolean(false)) {
                throw new AssertionError("no test value for the Secret key " + key + " that " + name + " reads");
            }
        }
        return env;
    }

    /**
     * Creates a folder per volume mount: Secret volumes get their items as files, the blob store
     * claim stays empty. /tmp is left to the host's /tmp, which the JVM uses by default as well.
     */
    private static Map<String, String> mountVolumes(String service, JsonNode pod, JsonNode container,
            Map<String, String> secrets, Path workDir) throws IOException {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode mount : container.path("volumeMounts")) {
            String mountPath = mount.path("mountPath").asText();
            if (mountPath.equals("/tmp")) {
                continue;
            }
            Path folder = Files.createDirectories(workDir.resolve(service + "-volume-" + mount.path("name").asText()));
            JsonNode volume = null;
            for (JsonNode candidate : pod.path("volumes")) {
                if (candidate.path("name").asText().equals(mount.path("name").asText())) {
                    volume = candidate;
                }
            }
            if (volume == null) {
                throw new AssertionError(service + " mounts the undefined volume " + mount.path("name").asText());
            }
            JsonNode secret = volume.path("secret");
            for (JsonNode item : secret.path("items")) {
                String key = secret.path("secretName").asText() + "/" + item.path("key").asText();
                String value = secrets.get(key);
                if (value == null) {
                    throw new AssertionError("no test value for the Secret key " + key + " mounted by " + service);
                }
                Files.writeString(folder.resolve(item.path("path").asText()), value);
            }
            mounts.put(mountPath, folder.toString());
        }
        return mounts;
    }

    private static String mapPaths(String value, Map<String, String> paths) {
        for (Map.Entry<String, String> path : paths.entrySet()) {
            if (value.equals(path.getKey()) || value.startsWith(path.getKey() + "/")) {
                return path.getValue() + value.substring(path.getKey().length());
            }
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
