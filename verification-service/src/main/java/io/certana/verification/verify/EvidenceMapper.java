package io.certana.verification.verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.certana.verification.commitment.CommitmentVerifier;
import io.certana.verification.imaging.ImageFacts;
import io.certana.verification.imaging.TamperRegions;
import io.certana.verification.matching.MatchResponse;
import io.certana.verification.verdict.Candidate;
import io.certana.verification.verdict.Decision;
import io.certana.verification.verdict.SuspectFacts;
import io.certana.verification.verdict.Thresholds;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.TamperMap;
import io.certana.watermark.Track;
import io.certana.watermark.TrackDetection;

/**
 * Translates between the analysis, the match API and the verdict engine: the facts the rules read,
 * and the evidence block the client gets.
 */
final class EvidenceMapper {

    private EvidenceMapper() {
    }

    /** Returns the payload Track B read, else Track A's, as 16 hex digits; empty when neither did. */
    static Optional<String> watermarkPayload(DetectionResult detection) {
        for (Track track : List.of(Track.B, Track.A)) {
            TrackDetection found = detection.track(track);
            if (found != null && found.detected() && found.payload().isPresent()) {
                return Optional.of(HexFormat.of().toHexDigits(found.payload().getAsLong()));
            }
        }
        return Optional.empty();
    }

    /** Returns the distinct payloads of Tracks B and A, for the match request. */
    static List<String> watermarkPayloads(DetectionResult detection) {
        List<String> payloads = new ArrayList<>();
        for (Track track : List.of(Track.B, Track.A)) {
            TrackDetection found = detection.track(track);
            if (found != null && found.detected() && found.payload().isPresent()) {
                String hex = HexFormat.of().toHexDigits(found.payload().getAsLong());
                if (!payloads.contains(hex)) {
                    payloads.add(hex);
                }
            }
        }
        return payloads;
    }

    /** Returns Track C's bits as hex when its detector reported them; a lookup hint only. */
    static List<String> trackCPayloads(DetectionResult detection) {
        TrackDetection found = detection.track(Track.C);
        if (found == null || !found.detected() || found.bits().isEmpty()) {
            return List.of();
        }
        return List.of(found.bits().get().toHex());
    }

    static SuspectFacts suspectFacts(ImageFacts facts) {
        DetectionResult detection = facts.detection();
        Optional<String> payload = watermarkPayload(detection);
        double confidence = 0;
        for (Track track : List.of(Track.B, Track.A)) {
            TrackDetection found = detection.track(track);
            if (found != null && found.detected()) {
                confidence = Math.max(confidence, found.confidence());
            }
        }
        SuspectFacts.Tamper tamper = detection.tamperMap()
                .map(map -> {
                    TamperRegions.Summary summary = TamperRegions.summarise(map);
                    List<SuspectFacts.Region> regions = summary.regions().stream()
                            .map(region -> new SuspectFacts.Region(region.x(), region.y(), region.width(),
                                    region.height(), region.blocks(), region.meanScore()))
                            .toList();
                    return new SuspectFacts.Tamper(true, map.globalChange(), regions, summary.scoredBlocks(),
                            summary.tamperedBlocks());
                })
                .orElse(SuspectFacts.Tamper.unavailable());
        TrackDetection trackA = detection.track(Track.A);
        boolean trackADecoded = payload.isPresent() && trackA != null && trackA.detected()
                && trackA.payload().isPresent()
                && payload.get().equals(HexFormat.of().toHexDigits(trackA.payload().getAsLong()));
        return new SuspectFacts(payload.isPresent(), confidence, facts.pdq().quality(), tamper, trackADecoded);
    }

    static Candidate candidate(MatchResponse.Candidate found, CommitmentVerifier.Result commitment) {
        Set<Candidate.Probe> probes = EnumSet.noneOf(Candidate.Probe.class);
        for (String probe : found.matchedBy()) {
            switch (probe) {
                case "contentHash" -> probes.add(Candidate.Probe.CONTENT_HASH);
                case "watermark" -> probes.add(Candidate.Probe.WATERMARK);
                case "trackC" -> probes.add(Candidate.Probe.TRACK_C);
                case "pdq" -> probes.add(Candidate.Probe.PDQ);
                case "clip" -> probes.add(Candidate.Probe.CLIP);
                case "dino" -> probes.add(Candidate.Probe.DINO);
                default -> {
                    // A probe added to the match API later carries no weight here until a rule reads it.
                }
            }
        }
        Candidate.CommitmentStatus status = !commitment.present() ? Candidate.CommitmentStatus.MISSING
                : commitment.valid() ? Candidate.CommitmentStatus.VALID : Candidate.CommitmentStatus.INVALID;
        return new Candidate(found.assetId(), probes, found.pdqDistance(), found.clipSimilarity(),
                found.dinoSimilarity(), status);
    }

    static Evidence evidence(ImageFacts facts, String contentHash, Decision decision,
            Map<UUID, MatchResponse.Candidate> candidates, Map<UUID, CommitmentVerifier.Result> commitments,
            CommitmentVerifier verifier, Thresholds thresholds) {
        DetectionResult detection = facts.detection();
        MatchResponse.Candidate matched = decision.candidate().map(c -> candidates.get(c.assetId())).orElse(null);

        boolean contentHashMatch = matched != null && (contentHash.equalsIgnoreCase(String.valueOf(matched.contentHash()))
                || contentHash.equalsIgnoreCase(String.valueOf(matched.watermarkedContentHash())));
        Evidence.Watermark watermark = new Evidence.Watermark(watermarkPayload(detection).isPresent(),
                watermarkPayload(detection).orElse(null),
                new Evidence.Tracks(track(detection, Track.A), track(detection, Track.B), track(detection, Track.C)));

        return new Evidence(contentHashMatch, watermark, fingerprint(facts, matched, candidates, thresholds),
                commitment(matched, matched == null ? null : commitments.get(matched.assetId()), verifier),
                tamper(detection, decision));
    }

    private static Evidence.Track track(DetectionResult detection, Track track) {
        TrackDetection found = detection.track(track);
        if (found == null || found.status() == TrackDetection.Status.NOT_CONFIGURED) {
            return new Evidence.Track(false, 0, false);
        }
        return new Evidence.Track(found.detected(), round(found.confidence()), true);
    }

    /** Reports the matched asset's distances, or without a match the nearest candidate's. */
    private static Evidence.Fingerprint fingerprint(ImageFacts facts, MatchResponse.Candidate matched,
            Map<UUID, MatchResponse.Candidate> candidates, Thresholds thresholds) {
        MatchResponse.Candidate nearest = matched;
        if (nearest == null) {
            nearest = candidates.values().stream()
                    .filter(c -> c.pdqDistance() != null)
                    .min(java.util.Comparator.comparingInt(MatchResponse.Candidate::pdqDistance))
                    .orElse(null);
        }
        int quality = facts.pdq().quality();
        if (nearest == null) {
            return new Evidence.Fingerprint(false, null, null, quality, null, null);
        }
        Integer distance = nearest.pdqDistance();
        boolean pdqMatch = quality >= thresholds.minPdqQuality() && distance != null
                && distance <= thresholds.fingerprintPdqMaxDistance();
        boolean embeddingMatch = nearest.clipSimilarity() != null
                && nearest.clipSimilarity() >= thresholds.clipMinSimilarity()
                || nearest.dinoSimilarity() != null && nearest.dinoSimilarity() >= thresholds.dinoMinSimilarity();
        Double similarity = null;
        if (nearest.clipSimilarity() != null || nearest.dinoSimilarity() != null) {
            similarity = Math.max(nearest.clipSimilarity() == null ? -1 : nearest.clipSimilarity(),
                    nearest.dinoSimilarity() == null ? -1 : nearest.dinoSimilarity());
        } else if (distance != null) {
            similarity = 1 - distance / 256.0;
        }
        return new Evidence.Fingerprint(pdqMatch || embeddingMatch, distance,
                similarity == null ? null : round(similarity), quality, nearest.clipSimilarity(),
                nearest.dinoSimilarity());
    }

    private static Evidence.Commitment commitment(MatchResponse.Candidate matched, CommitmentVerifier.Result check,
            CommitmentVerifier verifier) {
        if (matched == null || matched.commitment() == null || check == null) {
            return Evidence.Commitment.none();
        }
        MatchResponse.Commitment commitment = matched.commitment();
        CommitmentVerifier.Anchor anchor = verifier.verifyAnchor(commitment);
        return new Evidence.Commitment(check.valid(), check.valid() && anchor.anchored(), commitment.network(),
                commitment.txHash(), commitment.confirmationStatus(), commitment.commitmentHash(), check.failure(),
                anchor.proofValid());
    }

    private static Evidence.Tamper tamper(DetectionResult detection, Decision decision) {
        Optional<TamperMap> map = detection.tamperMap();
        if (map.isEmpty()) {
            return new Evidence.Tamper(false, null, false, null, null);
        }
        List<Evidence.Region> regions = decision.localEdits().stream()
                .map(region -> new Evidence.Region(region.x(), region.y(), region.width(), region.height(),
                        region.blocks(), round(region.meanScore())))
                .toList();
        return new Evidence.Tamper(!regions.isEmpty(), regions.isEmpty() ? null : regions, true,
                map.get().globalChange(), map.get().blockSize());
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
