package io.certana.deploy.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.certana.deploy.docker.Dockerfile.Instruction;

/**
 * An offline lint of Certana's Dockerfiles, because hadolint is not available from the registries
 * this project reaches. It checks what the Kubernetes manifests rely on. The base image is pinned,
 * and the user is numeric and not root, because the pods run as user 185 with runAsNonRoot. The
 * ENTRYPOINT is in exec form, so no shell is needed and SIGTERM reaches the JVM. The service's port
 * is exposed.
 */
public final class DockerfileLinter {

    static final Set<String> KEYWORDS = Set.of("FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY",
            "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    private static final Pattern NUMERIC_USER = Pattern.compile("\\d+(:\\d+)?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}(/(tcp|udp))?");

    private DockerfileLinter() {
    }

    /**
     * Returns one message per problem, each starting with {@code name:line:}.
     *
     * @param expectedPort the container port of the service in its Deployment
     */
    public static List<String> lint(Dockerfile dockerfile, int expectedPort) {
        List<String> problems = new ArrayList<>();
        List<Instruction> instructions = dockerfile.instructions();
        for (String directive : dockerfile.directives()) {
            if (directive.toLowerCase().startsWith("escape")) {
                problems.add(dockerfile.name() + ":1: the escape directive is not supported by this lint");
            }
        }
        if (instructions.isEmpty()) {
            problems.add(dockerfile.name() + ":1: no instructions");
            return problems;
        }

        for (Instruction instruction : instructions) {
            String at = dockerfile.name() + ":" + instruction.line() + ": ";
            if (!KEYWORDS.contains(instruction.keyword())) {
                problems.add(at + "unknown instruction " + instruction.keyword());
                continue;
            }
            checkInstruction(at, instruction, problems);
        }

        Instruction first = instructions.stream().filter(i -> !i.keyword().equals("ARG")).findFirst().orElseThrow();
        if (!first.keyword().equals("FROM")) {
            problems.add(dockerfile.name() + ":" + first.line() + ": the first instruction after ARG must be FROM, not " + first.keyword());
        }

        List<Instruction> entrypoints = dockerfile.all("ENTRYPOINT");
        if (entrypoints.size() != 1) {
            problems.add(dockerfile.name() + ": needs exactly one ENTRYPOINT, found " + entrypoints.size());
        }

        Instruction lastUser = dockerfile.last("USER").orElse(null);
        if (lastUser == null) {
            problems.add(dockerfile.name() + ": no USER: the image would run as root");
        } else {
            String user = lastUser.arguments();
            if (!NUMERIC_USER.matcher(user).matches() || user.equals("0") || user.startsWith("0:")) {
                problems.add(dockerfile.name() + ":" + lastUser.line() + ": the last USER must be a numeric non-root user"
                        + " (runAsNonRoot cannot check a user name), not " + user);
            }
            if (!entrypoints.isEmpty() && lastUser.line() > entrypoints.get(0).line()) {
                problems.add(dockerfile.name() + ":" + lastUser.line() + ": USER must come before ENTRYPOINT");
            }
        }

        List<Instruction> exposes = dockerfile.all("EXPOSE");
        boolean exposesPort = exposes.stream().anyMatch(e -> List.of(e.arguments().split("\\s+"))
                .contains(String.valueOf(expectedPort)));
        if (!exposesPort) {
            problems.add(dockerfile.name() + ": does not EXPOSE " + expectedPort + ", the port of the service");
        }

        if (!dockerfile.workdir().startsWith("/")) {
            problems.add(dockerfile.name() + ": WORKDIR must be an absolute path, not " + dockerfile.workdir());
        }
        return problems;
    }

    private static void checkInstruction(String at, Instruction instruction, List<String> problems) {
        String arguments = instruction.arguments();
        switch (instruction.keyword()) {
            case "FROM" -> {
                String image = arguments.split("\\s+")[0];
                String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
                if (!afterRegistry.contains(":") && !image.contains("@sha256:")) {
                    problems.add(at + "base image " + image + " has no tag: pin a version");
                } else if (afterRegistry.endsWith(":latest")) {
                    problems.add(at + "base image " + image + " uses latest: pin a version");
                }
            }
            case "ENTRYPOINT", "CMD" -> {
                if (Dockerfile.execForm(instruction).isEmpty()) {
                    problems.add(at + instruction.keyword() + " must use the exec form [\"executable\", \"argument\"],"
                            + " so that no shell is needed and the process receives SIGTERM");
                }
            }
            case "ENV", "LABEL" -> {
                try {
                    Map<String, String> pairs = Dockerfile.keyValues(arguments);
                    if (pairs.isEmpty()) {
                        problems.add(at + instruction.keyword() + " sets nothing");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(at + instruction.keyword() + " must use KEY=value pairs: " + e.getMessage());
                }
            }
            case "ADD" -> problems.add(at + "use COPY: ADD also fetches URLs and unpacks archives");
            case "EXPOSE" -> {
                for (String port : arguments.split("\\s+")) {
                    if (!PORT.matcher(port).matches()) {
                        problems.add(at + "EXPOSE " + port + " is not a port number");
                    }
                }
            }
            case "RUN" -> {
                if (arguments.matches(".*\\b(apt-get|microdnf|dnf|yum)\\s+(-y\\s+)?(upgrade|update)\\b.*")
                        && !arguments.contains("apt-get update")) {
                    problems.add(at + "do not upgrade packages inside the image: rebuild on a newer base instead");
                }
                if (arguments.contains("sudo ")) {
                    problems.add(at + "sudo has no place in an image build");
                }
            }
            case "COPY" -> {
                String[] parts = arguments.split("\\s+");
                long sources = java.util.Arrays.stream(parts).filter(p -> !p.startsWith("--")).count() - 1;
                if (sources < 1) {
                    problems.add(at + "COPY needs a source and a destination");
                }
            }
            default -> {
            }
        }
    }
}
