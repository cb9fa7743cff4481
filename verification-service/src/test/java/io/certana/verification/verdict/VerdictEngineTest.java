package io.certana.verification.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.certana.verification.verdict.Candidate.CommitmentStatus;
import io.certana.verification.verdict.Candidate.Probe;

/** Every verdict rule, one row each, with the default thresholds. */
class VerdictEngineTest {

    private static final Thresholds DEFAULTS = new Thresholds(96, 31, 16, 50, 12, 0.05, 0.92, 0.90);
    private static final VerdictEngine ENGINE = new VerdictEngine(DEFAULTS);

    private static final UUID ASSET = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    private static final SuspectFacts.Tamper INTACT = new SuspectFacts.Tamper(true, false, List.of(
            new SuspectFacts.Region(0, 0, 32, 32, 3, 0.45)), 900, 12);
    private static final SuspectFacts.Tamper GLOBAL = new SuspectFacts.Tamper(true, true, List.of(), 900, 500);
    /** One solid region in an otherwise intact map, as a splice leaves. */
    private static final SuspectFacts.Tamper PASTED = new SuspectFacts.Tamper(true, false, List.of(
            new SuspectFacts.Region(100, 80, 160, 120, 60, 0.49)), 900, 66);
    /** A large region among tampered blocks all over the image, as a rotation or rescale leaves. */
    private static final SuspectFacts.Tamper RESAMPLED = new SuspectFacts.Tamper(true, false, List.of(
            new SuspectFacts.Region(0, 0, 600, 400, 160, 0.51)), 900, 360);
    private static final SuspectFacts.Tamper NO_MAP = SuspectFacts.Tamper.unavailable();

    static Stream<Arguments> rules() {
        return Stream.of(
                // case, suspect, candidates, verdict, rule, matched asset
                row("nothing matches", unmarked(), List.of(), Verdict.UNKNOWN, Rule.NO_MATCH, null),
                row("only a far fingerprint", unmarked(), List.of(candidate(ASSET, Set.of(), 70, CommitmentStatus.VALID)),
                        Verdict.UNKNOWN, Rule.NO_MATCH, null),
                row("only similar embeddings", unmarked(), List.of(new Candidate(ASSET, Set.of(Probe.CLIP), 90, 0.95,
                        null, CommitmentStatus.VALID)), Verdict.UNKNOWN, Rule.SIMILAR_CONTENT_ONLY, null),
                row("Track C value alone", unmarked(), List.of(candidate(ASSET, Set.of(Probe.TRACK_C), 110,
                        CommitmentStatus.VALID)), Verdict.UNKNOWN, Rule.NO_MATCH, null),
                row("exact bytes", marked(NO_MAP), List.of(candidate(ASSET, Set.of(Probe.CONTENT_HASH, Probe.WATERMARK),
                        0, CommitmentStatus.VALID)), Verdict.AUTHENTIC, Rule.EXACT_MATCH, ASSET),
                row("exact bytes, invalid commitment", marked(NO_MAP), List.of(candidate(ASSET,
                        Set.of(Probe.CONTENT_HASH), 0, CommitmentStatus.INVALID)), Verdict.FORGED,
                        Rule.COMMITMENT_INVALID, ASSET),
                row("exact bytes, registration pending", unmarked(), List.of(candidate(ASSET,
                        Set.of(Probe.CONTENT_HASH), 0, CommitmentStatus.MISSING)), Verdict.UNKNOWN,
                        Rule.REGISTRATION_INCOMPLETE, ASSET),
                row("watermark, close content", marked(INTACT), List.of(candidate(ASSET, Set.of(Probe.WATERMARK), 6,
                        CommitmentStatus.VALID)), Verdict.AUTHENTIC, Rule.WATERMARK_INTACT, ASSET),
                row("watermark, crop moved PDQ, Track A intact", marked(INTACT), List.of(candidate(ASSET,
                        Set.of(Probe.WATERMARK), 118, CommitmentStatus.VALID)), Verdict.AUTHENTIC,
                        Rule.WATERMARK_INTACT, ASSET),
                row("watermark, brightness changed", marked(GLOBAL), List.of(candidate(ASSET, Set.of(Probe.WATERMARK),
                        10, CommitmentStatus.VALID)), Verdict.AUTHENTIC, Rule.WATERMARK_INTACT, ASSET),
                row("watermark, resampling artefacts", marked(RESAMPLED), List.of(candidate(ASSET,
                        Set.of(Probe.WATERMARK), 40, CommitmentStatus.VALID)), Verdict.AUTHENTIC,
                        Rule.WATERMARK_INTACT, ASSET),
                row("watermark, pasted region", marked(PASTED), List.of(candidate(ASSET, Set.of(Probe.WATERMARK), 40,
                        CommitmentStatus.VALID)), Verdict.FORGED, Rule.LOCAL_EDIT, ASSET),
                row("watermark, crop with global map, Track A decoded", new SuspectFacts(true, 0.95, 100, GLOBAL,
                        true), List.of(candidate(ASSET, Set.of(Probe.WATERMARK), 120, CommitmentStatus.VALID)),
                        Verdict.AUTHENTIC, Rule.WATERMARK_INTACT, ASSET),
                row("watermark on other content", marked(GLOBAL), List.of(candidate(ASSET, Set.of(Probe.WATERMARK), 120,
                        CommitmentStatus.VALID)), Verdict.FORGED, Rule.WATERMARK_CONTENT_MISMATCH, ASSET),
                row("watermark on other content, no map", marked(NO_MAP), List.of(candidate(ASSET,
                        Set.of(Probe.WATERMARK), 125, CommitmentStatus.VALID)), Verdict.FORGED,
                        Rule.WATERMARK_CONTENT_MISMATCH, ASSET),
                row("watermark, flat image, no map", new SuspectFacts(true, 0.9, 20, NO_MAP), List.of(candidate(ASSET,
                        Set.of(Probe.WATERMARK), 125, CommitmentStatus.VALID)), Verdict.UNKNOWN,
                        Rule.CONTENT_UNVERIFIABLE, ASSET),
                row("watermark, invalid commitment", marked(INTACT), List.of(candidate(ASSET, Set.of(Probe.WATERMARK), 4,
                        CommitmentStatus.INVALID)), Verdict.FORGED, Rule.COMMITMENT_INVALID, ASSET),
                row("watermark, registration pending", marked(INTACT), List.of(candidate(ASSET, Set.of(Probe.WATERMARK),
                        4, CommitmentStatus.MISSING)), Verdict.UNKNOWN, Rule.REGISTRATION_INCOMPLETE, ASSET),
                row("watermark wins over a nearer fingerprint", marked(GLOBAL), List.of(
                        candidate(OTHER, Set.of(Probe.PDQ), 2, CommitmentStatus.VALID),
                        candidate(ASSET, Set.of(Probe.WATERMARK), 120, CommitmentStatus.VALID)), Verdict.FORGED,
                        Rule.WATERMARK_CONTENT_MISMATCH, ASSET),
                row("fingerprint only, unedited", unmarked(), List.of(candidate(ASSET, Set.of(Probe.PDQ), 8,
                        CommitmentStatus.VALID)), Verdict.AUTHENTIC, Rule.FINGERPRINT_MATCH, ASSET),
                row("fingerprint only, edited", unmarked(), List.of(candidate(ASSET, Set.of(Probe.PDQ), 26,
                        CommitmentStatus.VALID)), Verdict.FORGED, Rule.FINGERPRINT_EDITED, ASSET),
                row("fingerprint only, nearest chosen", unmarked(), List.of(
                        candidate(OTHER, Set.of(Probe.PDQ), 24, CommitmentStatus.VALID),
                        candidate(ASSET, Set.of(Probe.PDQ, Probe.TRACK_C), 4, CommitmentStatus.VALID)),
                        Verdict.AUTHENTIC, Rule.FINGERPRINT_MATCH, ASSET),
                row("fingerprint only, flat image", new SuspectFacts(false, 0, 10, NO_MAP), List.of(candidate(ASSET,
                        Set.of(Probe.PDQ), 4, CommitmentStatus.VALID)), Verdict.UNKNOWN, Rule.NO_MATCH, null),
                row("fingerprint only, invalid commitment", unmarked(), List.of(candidate(ASSET, Set.of(Probe.PDQ), 4,
                        CommitmentStatus.INVALID)), Verdict.FORGED, Rule.COMMITMENT_INVALID, ASSET),
                row("fingerprint only, registration pending", unmarked(), List.of(candidate(ASSET, Set.of(Probe.PDQ), 4,
                        CommitmentStatus.MISSING)), Verdict.UNKNOWN, Rule.REGISTRATION_INCOMPLETE, ASSET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void appliesRule(String name, SuspectFacts suspect, List<Candidate> candidates, Verdict verdict, Rule rule,
            UUID matched) {
        Decision decision = ENGINE.decide(suspect, candidates);

        assertAll(
                () -> assertEquals(verdict, decision.verdict(), "verdict"),
                () -> assertEquals(rule, decision.rule(), "rule"),
                () -> assertEquals(matched, decision.candidate().map(Candidate::assetId).orElse(null), "candidate"),
                () -> assertTrue(decision.confidence() >= 0, "confidence at least 0"),
                () -> assertTrue(decision.confidence() <= 1, "confidence at most 1"),
                () -> assertEquals(verdict == Verdict.UNKNOWN, decision.confidence() == 0, "unknown has 0"));
    }

    @Test
    void confidenceFollowsEvidence() {
        double exact = ENGINE.decide(marked(NO_MAP), List.of(candidate(ASSET, Set.of(Probe.CONTENT_HASH), 0,
                CommitmentStatus.VALID))).confidence();
        double watermark = ENGINE.decide(marked(INTACT), List.of(candidate(ASSET, Set.of(Probe.WATERMARK), 6,
                CommitmentStatus.VALID))).confidence();
        double fingerprint = ENGINE.decide(unmarked(), List.of(candidate(ASSET, Set.of(Probe.PDQ), 8,
                CommitmentStatus.VALID))).confidence();
        double closer = ENGINE.decide(unmarked(), List.of(candidate(ASSET, Set.of(Probe.PDQ), 2,
                CommitmentStatus.VALID))).confidence();

        assertEquals(1.0, exact);
        assertTrue(watermark >= 0.90, "watermark " + watermark);
        assertTrue(watermark <= 0.99, "watermark " + watermark);
        assertTrue(fingerprint >= 0.50, "fingerprint " + fingerprint);
        assertTrue(fingerprint <= 0.75, "fingerprint " + fingerprint);
        assertTrue(closer > fingerprint, "a nearer fingerprint is more certain");
        assertTrue(watermark > fingerprint, "a watermark is stronger evidence than a fingerprint");
    }

    @Test
    void localEditsReportedLargestFirst() {
        SuspectFacts.Tamper two = new SuspectFacts.Tamper(true, false, List.of(
                new SuspectFacts.Region(0, 0, 64, 64, 14, 0.47),
                new SuspectFacts.Region(200, 0, 128, 128, 40, 0.50),
                new SuspectFacts.Region(400, 0, 16, 16, 2, 0.50)), 900, 60);
        Decision decision = ENGINE.decide(marked(two), List.of(candidate(ASSET, Set.of(Probe.WATERMARK), 30,
                CommitmentStatus.VALID)));

        assertEquals(Rule.LOCAL_EDIT, decision.rule());
        assertEquals(2, decision.localEdits().size(), "the 2-block region is below the minimum");
        assertEquals(40, decision.localEdits().get(0).blocks());
    }

    @Test
    void inconsistentThresholdsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(96, 31, 31, 50, 12, 0.05, 0.9, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(20, 31, 16, 50, 12, 0.05, 0.9, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(96, 31, 16, 50, 0, 0.05, 0.9, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(96, 31, 16, 50, 12, 1.5, 0.9, 0.9));
    }

    private static Arguments row(String name, SuspectFacts suspect, List<Candidate> candidates, Verdict verdict,
            Rule rule, UUID matched) {
        return Arguments.of(name, suspect, candidates, verdict, rule, matched);
    }

    private static SuspectFacts marked(SuspectFacts.Tamper tamper) {
        return new SuspectFacts(true, 0.95, 100, tamper);
    }

    private static SuspectFacts unmarked() {
        return new SuspectFacts(false, 0, 100, NO_MAP);
    }

    private static Candidate candidate(UUID id, Set<Probe> probes, Integer pdqDistance, CommitmentStatus commitment) {
        Set<Probe> matchedBy = probes.isEmpty() ? EnumSet.noneOf(Probe.class) : EnumSet.copyOf(probes);
        return new Candidate(id, matchedBy, pdqDistance, null, null, commitment);
    }
}
