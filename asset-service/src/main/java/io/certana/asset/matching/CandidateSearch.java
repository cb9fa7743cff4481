package io.certana.asset.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.certana.asset.anchor.rest.ProofView;
import io.certana.asset.anchor.service.CommitmentProofs;
import io.certana.asset.asset.Asset;
import io.certana.asset.asset.AssetParts;
import io.certana.asset.asset.AssetRepository;
import io.certana.asset.asset.rest.AssetViews;
import io.certana.asset.commitment.Commitment;
import io.certana.asset.commitment.CommitmentView;
import io.certana.asset.commitment.CommitmentViews;
import io.certana.asset.commitment.SigningKeyRepository;
import io.certana.asset.fingerprint.Fingerprint;
import io.certana.asset.fingerprint.FingerprintRepository;
import io.certana.asset.fingerprint.SimilaritySearch;
import io.certana.asset.watermark.AssetWatermark;
import io.certana.asset.watermark.AssetWatermarkRepository;
import io.certana.imaging.pdq.Hash256;
import io.certana.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Finds the candidates of verification-service's match requests in one transaction. Exact lookups
 * run first: the content hash of an original or watermarked output, watermark payloads, Track C
 * values. Then nearest-neighbour searches run through HNSW for each PDQ hash and each embedding,
 * with {@code hnsw.ef_search} raised. Candidates from every organization are returned: the caller is a
 * service that decides what to disclose.
 */
@ApplicationScoped
public class CandidateSearch {

    /** The probes, in the order of their strength as evidence; candidates are ranked by it. */
    enum Probe {
        CONTENT_HASH("contentHash"), WATERMARK("watermark"), TRACK_C("trackC"), PDQ("pdq"), CLIP("clip"), DINO("dino");

        final String wireName;

        Probe(String wireName) {
            this.wireName = wireName;
        }
    }

    private final AssetRepository assets;
    private final AssetWatermarkRepository watermarks;
    private final FingerprintRepository fingerprints;
    private final SigningKeyRepository keys;
    private final AssetParts parts;
    private final SimilaritySearch search;
    private final CommitmentProofs proofs;

    public CandidateSearch(AssetRepository assets, AssetWatermarkRepository watermarks,
            FingerprintRepository fingerprints, SigningKeyRepository keys, AssetParts parts, SimilaritySearch search,
            CommitmentProofs proofs) {
        this.assets = assets;
        this.watermarks = watermarks;
        this.fingerprints = fingerprints;
        this.keys = keys;
        this.parts = parts;
        this.search = search;
        this.proofs = proofs;
    }

    @Transactional
    public MatchResponse find(MatchRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("The request body is missing: send a JSON object with at least one probe.");
        }
        String contentHash = ProbeParser.contentHash(request.contentHash());
        List<Long> payloads = ProbeParser.watermarkPayloads(request.watermarkPayloads());
        List<byte[]> trackC = ProbeParser.trackCPayloads(request.trackCPayloads());
        List<Hash256> pdq = ProbeParser.pdqHashes(request.pdqHashes());
        float[] clip = ProbeParser.embedding("clipEmbedding", request.clipEmbedding(), ProbeParser.CLIP_DIMENSIONS);
        float[] dino = ProbeParser.embedding("dinoEmbedding", request.dinoEmbedding(), ProbeParser.DINO_DIMENSIONS);
        int limit = ProbeParser.limit(request.limit());
        if (contentHash == null && payloads.isEmpty() && trackC.isEmpty() && pdq.isEmpty() && clip == null
                && dino == null) {
            throw ProblemException.badRequest("The request names no probe: send at least one of contentHash, "
                    + "watermarkPayloads, trackCPayloads, pdqHashes, clipEmbedding, dinoEmbedding.");
        }

        Map<UUID, Set<Probe>> found = new LinkedHashMap<>();
        if (contentHash != null) {
            assets.findByContentHash(contentHash).forEach(asset -> mark(found, asset.id, Probe.CONTENT_HASH));
        }
        watermarks.findByPayloads(payloads).forEach(watermark -> mark(found, watermark.assetId, Probe.WATERMARK));
        watermarks.findByTrackCPayloads(trackC).forEach(watermark -> mark(found, watermark.assetId, Probe.TRACK_C));
        search.prepare();
        if (!pdq.isEmpty()) {
            search.pdq(pdq).keySet().forEach(assetId -> mark(found, assetId, Probe.PDQ));
        }
        search.clip(clip).keySet().forEach(assetId -> mark(found, assetId, Probe.CLIP));
        search.dino(dino).keySet().forEach(assetId -> mark(found, assetId, Probe.DINO));

        return new MatchResponse(candidates(found, pdq, clip, dino, limit));
    }

    private List<MatchResponse.Candidate> candidates(Map<UUID, Set<Probe>> found, List<Hash256> pdq, float[] clip,
            float[] dino, int limit) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = found.keySet();
        Map<UUID, Asset> assetById = assets.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(asset -> asset.id, Function.identity()));
        AssetParts.Parts parts = this.parts.load(ids);
        Map<UUID, Double> clipSimilarity = fingerprints.similarities("clip_embedding", clip, ids);
        Map<UUID, Double> dinoSimilarity = fingerprints.similarities("dino_embedding", dino, ids);
        Map<UUID, ProofView> proofByCommitment = proofs.load(parts.commitments().values());

        List<MatchResponse.Candidate> candidates = new ArrayList<>();
        for (Map.Entry<UUID, Set<Probe>> entry : found.entrySet()) {
            Asset asset = assetById.get(entry.getKey());
            if (asset == null) {
                continue;
            }
            Fingerprint fingerprint = parts.fingerprints().get(asset.id);
            AssetWatermark watermark = parts.watermarks().get(asset.id);
            Commitment commitment = parts.commitments().get(asset.id);
            candidates.add(new MatchResponse.Candidate(asset.id, asset.organizationId, asset.cid, asset.watermarkedCid,
                    asset.contentHash, asset.watermarkedContentHash, asset.title, asset.createdAt,
                    asset.processingStatus, entry.getValue().stream().map(probe -> probe.wireName).toList(),
                    fingerprint == null ? null : pdqDistance(pdq, fingerprint),
                    fingerprint == null ? null : fingerprint.pdqHash,
                    fingerprint == null ? null : fingerprint.pdqQuality,
                    clipSimilarity.get(asset.id), dinoSimilarity.get(asset.id),
                    watermark == null ? null : AssetViews.payloadHex(watermark.payload),
                    watermark == null || watermark.trackCPayload == null ? null
                            : HexFormat.of().formatHex(watermark.trackCPayload),
                    commitment == null ? null : commitmentBlock(commitment, proofByCommitment.get(commitment.id))));
        }
        candidates.sort(RANKING);
        return candidates.size() > limit ? List.copyOf(candidates.subList(0, limit)) : candidates;
    }

    /** Strongest probe first, then the smallest PDQ distance, then the highest embedding similarity. */
    private static final Comparator<MatchResponse.Candidate> RANKING = Comparator
            .comparingInt((MatchResponse.Candidate candidate) -> strongestProbe(candidate.matchedBy()))
            .thenComparing(candidate -> candidate.pdqDistance() == null ? Integer.MAX_VALUE : candidate.pdqDistance())
            .thenComparing(candidate -> -bestSimilarity(candidate));

    private static int strongestProbe(List<String> matchedBy) {
        for (Probe probe : Probe.values()) {
            if (matchedBy.contains(probe.wireName)) {
                return probe.ordinal();
            }
        }
        return Probe.values().length;
    }

    private static double bestSimilarity(MatchResponse.Candidate candidate) {
        double clip = candidate.clipSimilarity() == null ? -1 : candidate.clipSimilarity();
        double dino = candidate.dinoSimilarity() == null ? -1 : candidate.dinoSimilarity();
        return Math.max(clip, dino);
    }

    private static Integer pdqDistance(List<Hash256> probes, Fingerprint fingerprint) {
        if (probes.isEmpty()) {
            return null;
        }
        Hash256 stored = Hash256.fromHex(fingerprint.pdqHash);
        int best = Hash256.BITS;
        for (Hash256 probe : probes) {
            best = Math.min(best, probe.hammingDistance(stored));
        }
        return best;
    }

    private MatchResponse.CommitmentBlock commitmentBlock(Commitment commitment, ProofView proof) {
        CommitmentView view = CommitmentViews.of(commitment, keys.findById(commitment.signingKeyId), proof);
        return new MatchResponse.CommitmentBlock(view.commitmentHash(), view.payload(), view.signature(),
                view.publicKey(), view.keyRef(), view.network(), view.txHash(), view.confirmationStatus(),
                view.blockHeight(), view.proof());
    }

    private static void mark(Map<UUID, Set<Probe>> found, UUID assetId, Probe probe) {
        found.computeIfAbsent(assetId, id -> EnumSet.noneOf(Probe.class)).add(probe);
    }
}
