package io.certana.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.demo.DemoScenario;
import io.certana.cli.demo.DemoScenario.Check;
import io.certana.cli.demo.DemoScenario.Verdict;
import io.certana.testing.SharedData;

/**
 * Runs the scenario of {@code certana demo} through real HTTP against the three services of
 * {@link Services}: registration, the watermarked downloads, seven altered copies of each photo,
 * and an unrelated photo, each with the verdict the demo expects. It runs on two python3-skimage
 * photos, and on the reference photos beside the repository where they exist.
 */
class DemoScenarioTest {

    @TempDir
    Path folder;

    @Test
    void scenarioOnTwoPhotos() throws IOException, InterruptedException {
        Services services = Services.get();
        CertanaClient client = new CertanaClient(services.newOrganization("demo-scenario"));
        Path astronaut = Photos.uniqueCopy("astronaut.png", folder);
        Path coffee = Photos.uniqueCopy("coffee.png", folder);
        // Registered by no test of the suite, so it must match nothing.
        Path unrelated = Photos.skimage("motorcycle_left.png");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        DemoScenario.Report report = new DemoScenario(client, folder.resolve("copies"), Duration.ofMinutes(3),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run(List.of(astronaut, coffee), List.of(unrelated));

        assertEquals(2, report.registrations().size());
        for (DemoScenario.Registration registration : report.registrations()) {
            assertEquals("completed", registration.status(), registration.photo() + ": " + progress);
            assertNotNull(registration.assetId());
        }
        Map<String, Long> perVerdict = report.checks().stream()
                .collect(Collectors.groupingBy(check -> check.expected().name(), Collectors.counting()));
        assertEquals(12L, perVerdict.get(Verdict.AUTHENTIC.name()), "registered file and five benign copies each");
        assertEquals(4L, perVerdict.get(Verdict.FORGED.name()), "sticker and splice each");
        assertEquals(1L, perVerdict.get(Verdict.UNKNOWN.name()), "the unrelated photo");
        for (Check check : report.checks()) {
            assertTrue(check.passed(), describe(check));
        }
        Map<String, Check> astronautChecks = report.checks().stream()
                .filter(check -> check.photo().equals("astronaut.png"))
                .collect(Collectors.toMap(Check::copy, Function.identity()));
        assertEquals("exact-match", astronautChecks.get("registered").rule());
        assertEquals("local-edit", astronautChecks.get("sticker10").rule());
        assertEquals("local-edit", astronautChecks.get("paste10").rule());
        assertTrue(report.passed());
    }

    @Test
    void scenarioOnSharedPhotos() throws IOException, InterruptedException {
        Path shared = SharedData.require("data/photos");
        List<Path> photos = new ArrayList<>();
        try (Stream<Path> files = Files.list(shared)) {
            for (Path file : files.filter(file -> file.toString().matches(".*\\.(jpg|png)$")).sorted().toList()) {
                photos.add(Photos.uniqueCopyOf(file, folder));
            }
        }
        Assumptions.assumeTrue(photos.size() >= 2, "Skipped: fewer than 2 photos in " + shared);
        CertanaClient client = new CertanaClient(Services.get().newOrganization("demo-shared"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        // The copies stay in target/ so that a failed verdict can be examined.
        Path copies = Path.of("target", "e2e-copies", "shared");
        DemoScenario.Report report = new DemoScenario(client, copies, Duration.ofMinutes(5),
                new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run(photos, List.of(Photos.skimage("motorcycle_left.png")));

        assertEquals(photos.size(), report.registrations().size());
        for (DemoScenario.Registration registration : report.registrations()) {
            assertEquals("completed", registration.status(), registration.photo() + ": " + progress);
        }
        assertEquals(8 * photos.size() + 1, report.checks().size());
        for (Check check : report.checks()) {
            assertTrue(check.passed(), describe(check));
        }
    }

    private static String describe(Check check) {
        return check.photo() + " " + check.copy() + ": expected " + check.expected() + " of " + check.expectedAsset()
                + ", got " + check.verdict() + " (" + check.rule() + ") of " + check.matchedAsset()
                + (check.error() == null ? "" : ", error " + check.error());
    }
}
