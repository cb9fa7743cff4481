package io.certana.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.demo.DemoScenario;
import io.certana.cli.demo.DemoScenario.Check;
import io.certana.cli.demo.DemoScenario.Verdict;

/**
 * Runs the scenario of {@code certana demo} on two photos through real HTTP against the three
 * services of {@link Services}: registration, the watermarked downloads, seven altered copies of
 * each, and an unrelated photo, each with the verdict the demo expects.
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

    private static String describe(Check check) {
        return check.photo() + " " + check.copy() + ": expected " + check.expected() + " of " + check.expectedAsset()
                + ", got " + check.verdict() + " (" + check.rule() + ") of " + check.matchedAsset()
                + (check.error() == null ? "" : ", error " + check.error());
    }
}
