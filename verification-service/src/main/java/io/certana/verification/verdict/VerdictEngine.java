package io.certana.verification.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.certana.verification.verdict.Candidate.CommitmentStatus;
import io.certana.verification.verdict.Candidate.Probe;

/**
 * Applies the verdict rules of docs/verification.md to the facts of one verification. Plain Java
 * without I/O, so every rule is tested by a table of cases.
 *
 * <p>The candidate the verdict is about is chosen by the strongest evidence that points to an
 * asset: the exact content hash, then the watermark payload, then the nearest fingerprint. A Track C
 * value alone never chooses a candidate, because RivaGAN's decoder reports confident values on
 * unmarked images. The rules then run in a fixed order and the first that applies decides.
 */
public final class VerdictEngine {

    private final Thresholds thresholds;

    public VerdictEngine(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Decides the verdict for a suspect image and the candidates the match API returned. */
    public Decision decide(SuspectFacts suspect, List<Candidate> candidates) {
        boolean pdqReliable = suspect.pdqQuality() >= thresholds.minPdqQuality();
        Optional<Candidate> exact = candidates.stream().filter(c -> c.matchedBy(Probe.CONTENT_HASH)).findFirst();
        Optional<Candidate> marked = suspect.watermarkDetected()
                ? candidates.stream().filter(c -> c.matchedBy(Probe.WATERMARK)).findFirst()
                : Optional.empty();
        Optional<Candidate> nearest = pdqReliable ? nearestFingerprint(candidates) : Optional.empty();
        List<SuspectFacts.Region> localEdits = localEdits(suspect.tamper());

        Optional<Candidate> chosen = exact.or(() -> marked).or(() -> nearest);
        if (chosen.isEmpty()) {
            return similarOnly(candidates)
                    .map(candidate -> decision(Verdict.UNKNOWN, Rule.SIMILAR_CONTENT_ONLY, 0, null, localEdits,
                            "A registered image has similar content, but neither its watermark nor its fingerprint "
                                    + "matches this copy."))
                    .orElseGet(() -> decision(Verdict.UNKNOWN, Rule.NO_MATCH, 0, null, localEdits,
                            "No registered image matches this copy's content hash, watermark or fingerprint."));
        }
        Candidate candidate = chosen.get();
        if (candidate.commitment() == CommitmentStatus.INVALID) {
            return decision(Verdict.FORGED, Rule.COMMITMENT_INVALID, 0.99, candidate, localEdits,
                    "The signed commitment of the matching registration does not verify.");
        }
        if (exact.isPresent()) {
            return complete(candidate, localEdits).orElseGet(() -> decision(Verdict.AUTHENTIC, Rule.EXACT_MATCH, 1.0,
                    candidate, localEdits, "The file is byte for byte a registered original or watermarked output."));
        }
        if (marked.isPresent()) {
            return watermarked(suspect, candidate, pdqReliable, localEdits);
        }
        return fingerprintOnly(candidate, localEdits);
    }

    /**
     * Rules for a copy whose watermark payload belongs to the candidate. Track A confirms the
     * content when its map is available without a global change, or when its own cells decoded the
     * payload: they carry the candidate's bits on the registered picture's local means, which other
     * content cannot. Otherwise the PDQ distance has to, and PDQ moves far under crops, so only a
     * distance beyond {@code watermarkPdqMaxDistance} counts as other content.
     */
    private Decision watermarked(SuspectFacts suspect, Candidate candidate, boolean pdqReliable,
            List<SuspectFacts.Region> localEdits) {
        if (!localEdits.isEmpty()) {
            // More tampered blocks make a pasted or painted area more certain, up to four times the minimum.
            double size = Math.min(1, localEdits.get(0).blocks() / (4.0 * thresholds.tamperMinBlocks()));
            return decision(Verdict.FORGED, Rule.LOCAL_EDIT, 0.80 + 0.15 * size, candidate, localEdits,
                    "The copy carries the watermark of a registered image, but part of it was edited: "
                            + localEdits.size() + " tampered region(s).");
        }
        Integer distance = candidate.pdqDistance();
        boolean trackAConfirms = suspect.tamper().mapAvailable() && !suspect.tamper().globalChange()
                || suspect.trackADecoded();
        if (!trackAConfirms && (!pdqReliable || distance == null)) {
            return decision(Verdict.UNKNOWN, Rule.CONTENT_UNVERIFIABLE, 0, candidate, localEdits,
                    "The copy carries the watermark of a registered image, but neither the tamper map nor the "
                            + "fingerprint can confirm that it shows the same picture.");
        }
        if (!trackAConfirms && distance > thresholds.watermarkPdqMaxDistance()) {
            return decision(Verdict.FORGED, Rule.WATERMARK_CONTENT_MISMATCH, 0.90, candidate, localEdits,
                    "The copy carries the watermark of a registered image, but its content is a different picture "
                            + "(PDQ distance " + distance + " of 256 bits, and the tamper map does not match).");
        }
        Optional<Decision> incomplete = complete(candidate, localEdits);
        if (incomplete.isPresent()) {
            return incomplete.get();
        }
        // The watermark's decoder margin and the content evidence each add to a base of 0.90.
        double margin = clamp01((suspect.watermarkConfidence() - 0.5) / 0.5);
        double closeness = trackAConfirms ? 1 : 1 - (double) distance / thresholds.watermarkPdqMaxDistance();
        return decision(Verdict.AUTHENTIC, Rule.WATERMARK_INTACT, 0.90 + 0.05 * margin + 0.04 * closeness, candidate,
                localEdits, "The copy carries the watermark of a registered image, shows the same picture, and no "
                        + "part of it was edited.");
    }

    /** Rules for a near-duplicate of the candidate without a watermark. */
    private Decision fingerprintOnly(Candidate candidate, List<SuspectFacts.Region> localEdits) {
        Optional<Decision> incomplete = complete(candidate, localEdits);
        if (incomplete.isPresent()) {
            return incomplete.get();
        }
        int distance = candidate.pdqDistance();
        if (distance <= thresholds.fingerprintIntactMaxDistance()) {
            double closeness = 1 - (double) distance / Math.max(1, thresholds.fingerprintIntactMaxDistance());
            return decision(Verdict.AUTHENTIC, Rule.FINGERPRINT_MATCH, 0.50 + 0.25 * closeness, candidate, localEdits,
                    "The copy has no watermark but its fingerprint matches a registered image (PDQ distance "
                            + distance + ").");
        }
        double excess = (double) (distance - thresholds.fingerprintIntactMaxDistance())
                / (thresholds.fingerprintPdqMaxDistance() - thresholds.fingerprintIntactMaxDistance());
        return decision(Verdict.FORGED, Rule.FINGERPRINT_EDITED, 0.55 + 0.15 * clamp01(excess), candidate, localEdits,
                "The copy has no watermark and its fingerprint is near a registered image, but too far for an "
                        + "unedited copy (PDQ distance " + distance + ").");
    }

    /** Returns the unknown verdict for a candidate whose registration has no commitment yet. */
    private Optional<Decision> complete(Candidate candidate, List<SuspectFacts.Region> localEdits) {
        if (candidate.commitment() == CommitmentStatus.MISSING) {
            return Optional.of(decision(Verdict.UNKNOWN, Rule.REGISTRATION_INCOMPLETE, 0, candidate, localEdits,
                    "The matching image's registration has not completed, so it has no signed commitment yet."));
        }
        return Optional.empty();
    }

    private Optional<Candidate> nearestFingerprint(List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> c.pdqDistance() != null && c.pdqDistance() <= thresholds.fingerprintPdqMaxDistance())
                .min(Comparator.comparingInt(Candidate::pdqDistance));
    }

    private Optional<Candidate> similarOnly(List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> c.clipSimilarity() != null && c.clipSimilarity() >= thresholds.clipMinSimilarity()
                        || c.dinoSimilarity() != null && c.dinoSimilarity() >= thresholds.dinoMinSimilarity())
                .findFirst();
    }

    /**
     * Returns the regions that count as local edits: at least {@code tamperMinBlocks} blocks, in a
     * map whose other blocks are intact. Resampling and strong recompression leave tampered blocks
     * all over an image and sometimes join them into large regions, while a pasted area is isolated.
     */
    private List<SuspectFacts.Region> localEdits(SuspectFacts.Tamper tamper) {
        if (!tamper.mapAvailable() || tamper.globalChange() || tamper.scoredBlocks() == 0) {
            return List.of();
        }
        List<SuspectFacts.Region> large = tamper.regions().stream()
                .filter(region -> region.blocks() >= thresholds.tamperMinBlocks())
                .sorted(Comparator.comparingInt(SuspectFacts.Region::blocks).reversed())
                .toList();
        int inRegions = large.stream().mapToInt(SuspectFacts.Region::blocks).sum();
        double background = (double) Math.max(0, tamper.tamperedBlocks() - inRegions) / tamper.scoredBlocks();
        return background <= thresholds.tamperMaxBackground() ? large : List.of();
    }

    private static Decision decision(Verdict verdict, Rule rule, double confidence, Candidate candidate,
            List<SuspectFacts.Region> localEdits, String explanation) {
        return new Decision(verdict, rule, Math.round(clamp01(confidence) * 1000) / 1000.0,
                Optional.ofNullable(candidate), localEdits, explanation);
    }

    private static double clamp01(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
