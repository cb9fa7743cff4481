package io.certana.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Certana service ({@code target/quarkus-app/quarkus-run.jar}) started as a child process
 * on a free port of 127.0.0.1, for tests that need another service for real. {@link #start} returns
 * once {@code /q/health/ready} returns 200, and {@link #close} stops the process. The process writes its
 * output to a log file that tests can read.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path logFile;

    private ServiceProcess(String name, Process process, int port, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts describing a service run from a packaged jar. */
    public static Builder jar(String name, Path jar) {
        return new Builder(name, jar);
    }

    public int port() {
        return port;
    }

    /** Base URI of the service, {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Operating-system process id, for CPU-time measurements. */
    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** Returns everything the service has logged so far. */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the log of " + name + " at " + logFile, e);
        }
    }

    /** Stops the service: SIGTERM, then a forced kill after 15 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Options of a service process. */
    public static final class Builder {

        private final String name;
        private final Path jar;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private Path workingDirectory;
        private Path logFile;
        private Duration readyTimeout = Duration.ofSeconds(90);

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
        }

        /** Adds a system property ({@code -Dkey=value}), such as a Quarkus configuration key. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Sets an environment variable of the process. */
        public Builder environment(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /** Adds a JVM option such as {@code -Xmx1g}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Folder the process runs in; the jar's folder's parent's parent (the module) by default. */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** File the process output goes to; a temporary file by default. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /**
         * Starts the service on a free port and waits until it is ready.
         *
         * @throws IllegalStateException when the jar is missing, or the service exits or is not
         *     ready in time (the message ends with the last lines of its log)
         */
        public ServiceProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(name + " is not packaged: " + jar + " does not exist. Build it first, "
                        + "for example with: mvn -B -ntp -pl " + moduleName() + " -am package -DskipTests");
            }
            try {
                Path log = logFile != null ? logFile : Files.createTempFile(name + "-", ".log");
                Files.createDirectories(log.toAbsolutePath().getParent());
                int port = freePort();
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(jvmOptions);
                command.add("-Dquarkus.http.port=" + port);
                command.add("-Dquarkus.http.host=127.0.0.1");
                properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
                command.add("-jar");
                command.add(jar.toAbsolutePath().toString());
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory((workingDirectory != null ? workingDirectory : moduleDirectory()).toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
                builder.environment().putAll(environment);
                ServiceProcess service = new ServiceProcess(name, builder.start(), port, log);
                waitUntilReady(service);
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + name + " from " + jar, e);
            }
        }

        private void waitUntilReady(ServiceProcess service) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(service.baseUri().resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            long deadline = System.nanoTime() + readyTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!service.process.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + service.process.exitValue()
                            + " during start; log " + service.logFile + ":\n" + tail(service));
                }
                try {
                    if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    service.close();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + name + " to start", e);
                }
                sleep(250);
            }
            service.close();
            throw new IllegalStateException(name + " was not ready within " + readyTimeout + "; log "
                    + service.logFile + ":\n" + tail(service));
        }

        private String moduleName() {
            return moduleDirectory().getFileName().toString();
        }

        /** Returns the module folder, because the jar lies in {@code <module>/target/quarkus-app/}. */
        private Path moduleDirectory() {
            Path absolute = jar.toAbsolutePath().normalize();
            Path module = absolute.getParent() == null || absolute.getParent().getParent() == null
                    ? null : absolute.getParent().getParent().getParent();
            return module != null ? module : absolute.getParent();
        }

        private static String tail(ServiceProcess service) {
            String log = service.log();
            String[] lines = log.split("\n");
            int from = Math.max(0, lines.length - 40);
            return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
