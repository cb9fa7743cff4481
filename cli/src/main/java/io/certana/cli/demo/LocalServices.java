package io.certana.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds, starts and stops the three services on this machine for the demo: the packaged jars
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}) run with the {@code dev} profile on their
 * standard ports of 127.0.0.1, with their output in {@code .certana/logs} and their process ids in
 * {@code .certana/run}. The processes run in their own session ({@code setsid}), so they keep running
 * after the demo ends, until {@code certana down} stops them.
 */
public final class LocalServices {

    /** One service of the suite as the demo runs it. */
    public record Service(String name, String module, int port) {

        URI baseUri() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    /** The services in start order: identity-service first, because the others call it. */
    public static final List<Service> SERVICES = List.of(
            new Service("identity", "identity-service", 8081),
            new Service("asset", "asset-service", 8082),
            new Service("verification", "verification-service", 8083));

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Workspace workspace;
    private final PrintStream out;
    private final List<Service> launched = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalServices(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    /** Returns the base URI of a service by name. */
    public static URI baseUri(String name) {
        return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow().baseUri();
    }

    /** Runs the setup script: PostgreSQL with pgvector, databases, roles, sample photos. */
    public void setUpDatabase() throws IOException, InterruptedException {
        out.println("Preparing PostgreSQL with pgvector (scripts/setup.sh) ...");
        // The tools only the tests use (Anvil, kubectl) are left out.
        run(List.of("env", "CERTANA_TEST_TOOLS=0", "bash", workspace.root().resolve("scripts/setup.sh").toString()),
                "scripts/setup.sh");
    }

    /** Builds the service jars with Maven when one is missing or older than its sources. */
    public void buildIfNeeded() throws IOException, InterruptedException {
        List<String> stale = new ArrayList<>();
        for (Service service : SERVICES) {
            if (isStale(service)) {
                stale.add(service.module());
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        Files.createDirectories(workspace.logDirectory());
        Path log = workspace.logDirectory().resolve("build.log");
        out.println("Building " + String.join(", ", stale) + " with Maven (the first build takes a few minutes; log: "
                + workspace.root().relativize(log) + ") ...");
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-ntp", "-Dstyle.color=never", "-pl",
                String.join(",", stale), "-am", "package", "-DskipTests"));
        Process process = new ProcessBuilder(command).directory(workspace.root().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("The Maven build failed with exit code " + exit + ". The end of " + log
                    + ":" + System.lineSeparator() + tail(log, 40));
        }
    }

    /**
     * Starts every service that does not already pass its readiness check, and waits until all
     * are ready. Returns the services that this call started.
     */
    public List<Service> start(Map<String, Map<String, String>> environmentByService)
            throws IOException, InterruptedException {
        Files.createDirectories(workspace.runDirectory());
        Files.createDirectories(workspace.logDirectory());
        List<Service> started = new ArrayList<>();
        for (Service service : SERVICES) {
            if (isReady(service)) {
                out.printf("%-13s already running on %s%n", service.module(), service.baseUri());
                continue;
            }
            if (isPortInUse(service.port())) {
                throw new IllegalStateException("Port " + service.port() + " on 127.0.0.1 is in use by a process that "
                        + "is not a ready " + service.module() + "; stop it (or run bin/certana down) and try again");
            }
            launch(service, environmentByService.getOrDefault(service.name(), Map.of()));
            started.add(service);
        }
        for (Service service : started) {
            awaitReady(service);
        }
        return started;
    }

    /**
     * Stops the services whose process ids the demo recorded: SIGTERM, then SIGKILL after 30 s.
     * Returns how many it stopped. The database and the stored files are kept.
     */
    public int stop() throws IOException {
        int stopped = 0;
        for (Service service : SERVICES) {
            Path pidFile = pidFile(service);
            Optional<ProcessHandle> process = recordedProcess(service);
            if (process.isPresent()) {
                ProcessHandle handle = process.get();
                out.printf("Stopping %s (pid %d) ...%n", service.module(), handle.pid());
                handle.destroy();
                try {
                    handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    out.printf("%s did not stop within %d s; killing it%n", service.module(), STOP_TIMEOUT.toSeconds());
                    handle.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    handle.destroyForcibly();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("Waiting for " + service.module() + " to stop failed", e);
                }
                stopped++;
            }
            Files.deleteIfExists(pidFile);
        }
        return stopped;
    }

    /** Returns the services that this instance started, in start order. */
    public List<Service> launched() {
        return List.copyOf(launched);
    }

    /** Stops the given services, for a demo interrupted with Ctrl-C. */
    public void stop(List<Service> services) {
        for (Service service : services) {
            recordedProcess(service).ifPresent(ProcessHandle::destroy);
        }
        for (Service service : services) {
            recordedProcess(service).ifPresent(handle -> {
                try {
                    handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            });
            try {
                Files.deleteIfExists(pidFile(service));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Returns the log file of a service. */
    public Path logFile(Service service) {
        return workspace.logDirectory().resolve(service.module() + ".log");
    }

    private void launch(Service service, Map<String, String> environment) throws IOException {
        Path moduleDirectory = workspace.root().resolve(service.module());
        Path jar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>();
        // setsid puts the service in its own session, so Ctrl-C in the demo's terminal reaches only
        // the demo, which then stops the services it started, and a finished demo leaves them running.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(moduleDirectory.toFile());
        builder.environment().put("QUARKUS_PROFILE", "dev");
        builder.environment().putAll(environment);
        Path log = logFile(service);
        Files.writeString(log, "--- started by certana demo at " + Instant.now() + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        Files.writeString(pidFile(service), Long.toString(process.pid()), StandardCharsets.UTF_8);
        launched.add(service);
        out.printf("%-13s starting on %s (log: %s)%n", service.module(), service.baseUri(),
                workspace.root().relativize(log));
    }

    private void awaitReady(Service service) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (isReady(service)) {
                out.printf("%-13s ready%n", service.module());
                return;
            }
            if (recordedProcess(service).isEmpty()) {
                throw new IllegalStateException(service.module() + " exited during start-up. The end of its log, "
                        + logFile(service) + ":" + System.lineSeparator() + tail(logFile(service), 25));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.module() + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s. The end of its log, " + logFile(service) + ":" + System.lineSeparator()
                + tail(logFile(service), 25));
    }

    /** Returns whether {@code /q/health/ready} of the service returns 200. */
    public boolean isReady(Service service) {
        HttpRequest request = HttpRequest.newBuilder(service.baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isPortInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Returns the live process recorded in a service's pid file, only when it still runs a Quarkus
     * jar: a pid that the system has since given to another program is ignored.
     */
    private Optional<ProcessHandle> recordedProcess(Service service) {
        Path pidFile = pidFile(service);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> handle.info().commandLine()
                .map(line -> line.contains("quarkus-run.jar")).orElse(true));
    }

    private Path pidFile(Service service) {
        return workspace.runDirectory().resolve(service.module() + ".pid");
    }

    private boolean isStale(Service service) throws IOException {
        Path jar = workspace.root().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        List<Path> sources = List.of(workspace.root().resolve("pom.xml"), workspace.root().resolve(service.module()),
                workspace.root().resolve("common"));
        for (Path source : sources) {
            try (Stream<Path> files = Files.walk(source)) {
                boolean newer = files.filter(path -> !path.toString().contains("/target/"))
                        .filter(Files::isRegularFile)
                        .anyMatch(path -> lastModified(path).compareTo(built) > 0);
                if (newer) {
                    return true;
                }
            }
        }
        return false;
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Maven from PATH, else the launcher in scripts/ that downloads a current Maven. */
    private String maven() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "mvn"))) {
                return "mvn";
            }
        }
        return workspace.root().resolve("scripts/mvn").toString();
    }

    private void run(List<String> command, String description) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workspace.root().toFile()).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(description + " failed with exit code " + exit + "; its output is above");
        }
    }

    private static String tail(Path file, int lines) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "(no log)";
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
