package io.certana.deploy.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.certana.deploy.DeployPaths;
import io.certana.deploy.manifest.Manifest;
import io.certana.deploy.manifest.ManifestReader;

/** Lints every service's Dockerfiles, and checks that the lint catches broken ones. */
class DockerfileLintTest {

    static final List<String> SERVICES = List.of("identity-service", "asset-service", "verification-service");

    @Test
    void serviceDockerfilesPassLint() {
        for (String service : SERVICES) {
            int port = containerPort(service);
            for (String variant : List.of("Dockerfile.jvm", "Dockerfile.native")) {
                Dockerfile dockerfile = read(service, variant);
                assertEquals(List.of(), DockerfileLinter.lint(dockerfile, port), dockerfile.name());
            }
        }
    }

    @Test
    void imagesRunAsThePodUser() {
        for (String service : SERVICES) {
            long podUser = deployment(service).content().at("/spec/template/spec/securityContext/runAsUser").asLong();
            for (String variant : List.of("Dockerfile.jvm", "Dockerfile.native")) {
                Dockerfile dockerfile = read(service, variant);
                assertEquals(String.valueOf(podUser), dockerfile.last("USER").orElseThrow().arguments(), dockerfile.name());
            }
        }
    }

    @Test
    void jvmImageCopiesFastJarLayout() {
        for (String service : SERVICES) {
            Dockerfile dockerfile = read(service, "Dockerfile.jvm");
            List<String> copies = dockerfile.all("COPY").stream().map(Dockerfile.Instruction::arguments).toList();
            for (String source : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
                    "target/quarkus-app/app/", "target/quarkus-app/quarkus/")) {
                assertTrue(copies.stream().anyMatch(c -> c.contains(" " + source + " ")), dockerfile.name() + " copies " + source);
            }
            assertEquals(List.of("java", "-jar", "/deployments/quarkus-run.jar"), dockerfile.entrypoint(), dockerfile.name());
            assertEquals("/deployments", dockerfile.workdir(), dockerfile.name());
        }
    }

    @Test
    void nativeImageCopiesRunner() {
        for (String service : SERVICES) {
            Dockerfile dockerfile = read(service, "Dockerfile.native");
            assertTrue(dockerfile.all("COPY").get(0).arguments().contains(" target/*-runner "), dockerfile.name());
            assertTrue(dockerfile.all("FROM").get(0).arguments().startsWith("registry.access.redhat.com/ubi9/ubi-minimal:"),
                    dockerfile.name() + " builds on ubi-minimal");
        }
    }

    @Test
    void brokenDockerfilesAreReported() {
        Map<String, String> cases = Map.of(
                "FROM ubuntu\nUSER 185\nEXPOSE 8081\nENTRYPOINT [\"java\"]\n", "has no tag",
                "FROM ubuntu:latest\nUSER 185\nEXPOSE 8081\nENTRYPOINT [\"java\"]\n", "uses latest",
                "FROM ubi:9\nUSER 185\nEXPOSE 8081\nENTRYPOINT java -jar app.jar\n", "exec form",
                "FROM ubi:9\nUSER root\nEXPOSE 8081\nENTRYPOINT [\"java\"]\n", "numeric non-root user",
                "FROM ubi:9\nEXPOSE 8081\nENTRYPOINT [\"java\"]\n", "no USER",
                "FROM ubi:9\nUSER 185\nEXPOSE 9000\nENTRYPOINT [\"java\"]\n", "does not EXPOSE 8081",
                "FROM ubi:9\nUSER 185\nEXPOSE 8081\nENV JAVA_OPTS -Xmx1g\nENTRYPOINT [\"java\"]\n", "KEY=value",
                "FROM ubi:9\nUSER 185\nEXPOSE 8081\nADD https://example.com/app.jar /app.jar\nENTRYPOINT [\"java\"]\n", "use COPY",
                "FROM ubi:9\nUSER 185\nEXPOSE 8081\nRUN microdnf -y upgrade\nENTRYPOINT [\"java\"]\n", "do not upgrade",
                "FROM ubi:9\nUSER 185\nEXPOSE 8081\nENTRYPONT [\"java\"]\n", "unknown instruction ENTRYPONT");
        for (Map.Entry<String, String> broken : cases.entrySet()) {
            List<String> problems = DockerfileLinter.lint(Dockerfile.parse("broken", broken.getKey()), 8081);
            assertTrue(problems.stream().anyMatch(p -> p.contains(broken.getValue())),
                    "expected '" + broken.getValue() + "' for:\n" + broken.getKey() + "got: " + problems);
        }
    }

    @Test
    void continuationLinesAndQuotedEnvAreParsed() {
        Dockerfile dockerfile = Dockerfile.parse("env", """
                # syntax=docker/dockerfile:1
                FROM ubi:9
                ENV A="one two" \\
                    B=three\\ four \\
                    C=five
                """);
        assertEquals(Map.of("A", "one two", "B", "three four", "C", "five"), dockerfile.env());
        assertEquals(3, dockerfile.all("ENV").get(0).line());
        assertEquals(List.of("syntax=docker/dockerfile:1"), dockerfile.directives());
    }

    static Dockerfile read(String service, String variant) {
        Path repository = DeployPaths.repository();
        return Dockerfile.read(repository, repository.resolve(service).resolve("src/main/docker").resolve(variant));
    }

    static Manifest deployment(String service) {
        Path base = DeployPaths.deploy().resolve("base");
        return ManifestReader.read(base, base.resolve(service).resolve("deployment.yaml")).get(0);
    }

    static int containerPort(String service) {
        return deployment(service).content().at("/spec/template/spec/containers/0/ports/0/containerPort").asInt();
    }
}
