package io.certana.verification.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.imaging.decode.ImageDecodeException;
import io.certana.platform.auth.Caller;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemType;
import io.certana.verification.commitment.CommitmentVerifier;
import io.certana.verification.config.VerificationConfig;
import io.certana.verification.imaging.ImageAnalysis;
import io.certana.verification.imaging.ImageFacts;
import io.certana.verification.log.VerificationLog;
import io.certana.verification.log.VerificationLogWriter;
import io.certana.verification.matching.AssetMatchClient;
import io.certana.verification.matching.MatchRequest;
import io.certana.verification.matching.MatchResponse;
import io.certana.verification.quota.QuotaPeriod;
import io.certana.verification.quota.QuotaService;
import io.certana.verification.verdict.Candidate;
import io.certana.verification.verdict.Decision;
import io.certana.verification.verdict.Thresholds;
import io.certana.verification.verdict.VerdictEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs one verification in the order docs/verification.md gives: quota, analysis of the file, the
 * match API, the commitment checks, the verdict, the log row. The request was counted against the
 * rate limits before, by {@link io.certana.verification.ratelimit.RateLimitFilter}. A verification counts
 * against the quota only when it produces a verdict, so rejected files and unavailable services give
 * the quota back. Every request that passed the rate limit is logged, whatever its outcome.
 */
@ApplicationScoped
public class VerificationService {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * A submitted file and who sent it.
     *
     * @param file the spooled upload
     * @param caller the authenticated caller, or null for an anonymous request
     * @param organizationId the organization charged, or null for an anonymous request
     * @param clientAddress the client's address (see ClientAddresses)
     * @param userAgent the User-Agent header, or null
     */
    public record Submission(Path file, Caller caller, UUID organizationId, String clientAddress, String userAgent) {
    }

    private final QuotaService quotas;
    private final ImageAnalysis analysis;
    private final AssetMatchClient matches;
    private final CommitmentVerifier commitments = new CommitmentVerifier();
    private final VerdictEngine engine;
    private final VerificationLogWriter logs;
    private final MeterRegistry metrics;
    private final long maxBytes;
    private final int matchLimit;

    public VerificationService(QuotaService quotas, ImageAnalysis analysis, AssetMatchClient matches,
            VerificationLogWriter logs, MeterRegistry metrics, VerificationConfig config) {
        this.quotas = quotas;
        this.analysis = analysis;
        this.matches = matches;
        this.logs = logs;
        this.metrics = metrics;
        this.engine = new VerdictEngine(Thresholds.of(config.verdict()));
        this.maxBytes = config.upload().maxBytes().asLongValue();
        this.matchLimit = config.matchLimit();
    }

    /**
     * Verifies a submitted file.
     *
     * @throws ProblemException 429 for a used-up quota, 400/413/415/422 for a rejected file, 503 when
     *     asset-service or identity-service is unavailable
     */
    public VerificationResult verify(Submission submission) {
        long start = System.nanoTime();
        VerificationLog log = newLog(submission);
        Map<String, Long> timings = new LinkedHashMap<>();
        QuotaPeriod charged = null;
        try {
            if (submission.organizationId() != null) {
                charged = quotas.consumeVerification(submission.organizationId()).period();
            }
            byte[] bytes = read(submission.file());
            log.sourceImageSizeBytes = (long) bytes.length;
            String contentHash = ImageAnalysis.sha256Hex(bytes);
            log.sourceImageHash = contentHash;

            ImageFacts facts = analyse(bytes);
            timings.putAll(facts.timings());

            long matchStart = System.nanoTime();
            MatchResponse response = matches.match(matchRequest(contentHash, facts), log.id);
            timings.put("matchMs", elapsedMs(matchStart));

            VerificationResult result = decide(log, contentHash, facts, response, start);
            timings.put("totalMs", result.processingTimeMs());
            log.timings = JSON.valueToTree(timings);
            logs.write(log);
            metrics.counter("certana_verification_verdicts_total", "verdict", result.verdict()).increment();
            Log.debugf("Verification %s: %s by rule %s in %d ms %s", log.id, result.verdict(), result.rule(),
                    result.processingTimeMs(), timings);
            return result;
        } catch (ProblemException e) {
            if (charged != null) {
                quotas.refundVerification(submission.organizationId(), charged);
            }
            log.statusCode = (short) e.problem().status();
            log.errorType = slug(e.problem().type());
            finishFailed(log, timings, start);
            throw e;
        } catch (RuntimeException e) {
            if (charged != null) {
                quotas.refundVerification(submission.organizationId(), charged);
            }
            log.statusCode = 500;
            log.errorType = ProblemType.INTERNAL_ERROR.slug();
            finishFailed(log, timings, start);
            throw e;
        }
    }

    /** Names what the analysis runs, reported as {@code modelVersion}. */
    public String modelVersion() {
        return "certana-verify/1 (" + analysis.describe() + ")";
    }

    private VerificationResult decide(VerificationLog log, String contentHash, ImageFacts facts,
            MatchResponse response, long start) {
        Map<UUID, MatchResponse.Candidate> byId = new LinkedHashMap<>();
        Map<UUID, CommitmentVerifier.Result> checks = new LinkedHashMap<>();
        List<Candidate> candidates = new java.util.ArrayList<>();
        for (MatchResponse.Candidate found : response.candidates()) {
            if (found.assetId() == null || byId.containsKey(found.assetId())) {
                continue;
            }
            CommitmentVerifier.Result check = commitments.verify(found);
            if (check.present() && !check.valid()) {
                Log.warnf("Verification %s: the commitment of asset %s does not verify: %s", log.id, found.assetId(),
                        check.failure());
            }
            byId.put(found.assetId(), found);
            checks.put(found.assetId(), check);
            candidates.add(EvidenceMapper.candidate(found, check));
        }

        Decision decision = engine.decide(EvidenceMapper.suspectFacts(facts), candidates);
        Evidence evidence = EvidenceMapper.evidence(facts, contentHash, decision, byId, checks, commitments,
                engine.thresholds());
        MatchResponse.Candidate matched = decision.candidate().map(c -> byId.get(c.assetId())).orElse(null);
        long elapsed = elapsedMs(start);
        VerificationResult result = new VerificationResult(log.id, decision.verdict().wireName(),
                decision.confidence(), matched == null ? null : new VerificationResult.MatchedAsset(matched.assetId(),
                        matched.cid(), matched.organizationId(), matched.title(), matched.registeredAt()),
                evidence, elapsed, log.modelVersion, decision.rule().wireName(), decision.explanation());

        log.statusCode = 200;
        log.verdict = result.verdict();
        log.verdictRule = result.rule();
        log.confidence = result.confidence();
        log.verifiedAssetId = matched == null ? null : matched.assetId();
        log.watermarkDetected = evidence.watermark().detected();
        log.watermarkConfidence = Math.max(evidence.watermark().tracks().a().confidence(),
                evidence.watermark().tracks().b().confidence());
        log.fingerprintMatchFound = evidence.fingerprint().matchFound();
        log.fingerprintSimilarity = evidence.fingerprint().similarity();
        log.pdqDistance = evidence.fingerprint().pdqDistance() == null ? null
                : evidence.fingerprint().pdqDistance().shortValue();
        log.signatureValid = evidence.commitment().signatureValid();
        log.blockchainVerified = evidence.commitment().anchored();
        log.tamperDetected = evidence.tamper().detected();
        log.evidence = JSON.valueToTree(evidence);
        log.processingTimeMs = (int) elapsed;
        return result;
    }

    private ImageFacts analyse(byte[] bytes) {
        try {
            return analysis.analyse(bytes);
        } catch (ImageDecodeException e) {
            throw ImageProblems.of(e);
        }
    }

    private MatchRequest matchRequest(String contentHash, ImageFacts facts) {
        List<String> pdq = facts.pdq().all().stream().map(hash -> hash.toHex()).distinct().toList();
        return new MatchRequest(contentHash, EvidenceMapper.watermarkPayloads(facts.detection()),
                EvidenceMapper.trackCPayloads(facts.detection()), pdq, facts.clip(), facts.dino(), matchLimit);
    }

    private byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE,
                        "The file has " + size + " bytes; verification accepts at most " + maxBytes + " bytes.");
            }
            if (size == 0) {
                throw new ProblemException(400, ImageProblems.CORRUPT_IMAGE, "Corrupt image",
                        "The file is empty (0 bytes).");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the spooled upload " + file, e);
        }
    }

    private VerificationLog newLog(Submission submission) {
        VerificationLog log = new VerificationLog();
        log.id = UUID.randomUUID();
        log.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        log.organizationId = submission.organizationId();
        Caller caller = submission.caller();
        if (caller != null) {
            log.userId = caller.userId();
            log.apiKeyId = caller.apiKeyId().orElse(null);
        }
        log.requesterIp = truncate(submission.clientAddress(), 45);
        log.userAgent = truncate(submission.userAgent(), 512);
        log.modelVersion = truncate(modelVersion(), 200);
        return log;
    }

    private void finishFailed(VerificationLog log, Map<String, Long> timings, long start) {
        log.processingTimeMs = (int) elapsedMs(start);
        timings.put("totalMs", (long) log.processingTimeMs);
        JsonNode timingsJson = JSON.valueToTree(timings);
        log.timings = timingsJson;
        logs.write(log);
        metrics.counter("certana_verification_failures_total", "status", Short.toString(log.statusCode)).increment();
    }

    private static String slug(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
