package io.certana.verification.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of verification-service, under {@code certana.verification}. */
@ConfigMapping(prefix = "certana.verification")
public interface VerificationConfig {

    /**
     * Proxies (CIDR blocks such as {@code 10.0.0.0/8}) whose {@code X-Forwarded-For} header names the
     * client. Requests from any other peer are attributed to the peer's own address. Empty by default.
     */
    Optional<List<String>> trustedProxies();

    /** Base URL of asset-service's internal match API. */
    @WithDefault("http://127.0.0.1:8082")
    URI assetUrl();

    /** Most candidates asked of the match API per verification. */
    @WithDefault("10")
    int matchLimit();

    Upload upload();

    Verdict verdict();

    RateLimit rateLimit();

    Quota quota();

    Logs logs();

    Embedding embedding();

    /** Limits on submitted files. */
    interface Upload {

        /** Largest accepted file; larger files get 413. Keep {@code quarkus.http.limits.max-body-size} a little above. */
        @WithDefault("50M")
        MemorySize maxBytes();

        /** Largest accepted image in pixels (width × height), checked from the header before decoding. */
        @WithDefault("50000000")
        long maxPixels();

        /** Wall-clock limit for decoding one image. */
        @WithDefault("10S")
        Duration decodeTimeLimit();

        /**
         * Verifications analysed at the same time. Each keeps its decoded pixels in memory (4 bytes per
         * pixel) and a core busy, so this bounds memory and lets other requests through.
         */
        @WithDefault("2")
        int maxConcurrent();

        /** How long a verification waits for a slot before it gets 503 with Retry-After. */
        @WithDefault("30S")
        Duration slotWait();
    }

    /** Thresholds of the verdict rules; docs/verification.md gives the reason for each default. */
    interface Verdict {

        /** Largest PDQ distance (bits of 256, best dihedral variant) at which a copy with a valid watermark is the same picture. */
        @WithDefault("96")
        int watermarkPdqMaxDistance();

        /** Largest PDQ distance at which a copy without a watermark matches a registered asset (a near-duplicate). */
        @WithDefault("31")
        int fingerprintPdqMaxDistance();

        /** Largest PDQ distance at which a fingerprint-only match counts as unedited; above it, up to the match threshold, as edited. */
        @WithDefault("16")
        int fingerprintIntactMaxDistance();

        /** Smallest PDQ quality (0..100) of the suspect image for its distances to count. */
        @WithDefault("50")
        int minPdqQuality();

        /** Smallest Track A tamper region, in blocks, that counts as a local edit. */
        @WithDefault("12")
        int tamperMinBlocks();

        /**
         * Largest share (0..1) of the tamper map's scored blocks that may be tampered outside the
         * regions of at least {@code tamper-min-blocks} for those regions to count as local edits.
         */
        @WithDefault("0.05")
        double tamperMaxBackground();

        /** Smallest CLIP cosine similarity that counts as a fingerprint match. */
        @WithDefault("0.92")
        double clipMinSimilarity();

        /** Smallest DINO cosine similarity that counts as a fingerprint match. */
        @WithDefault("0.90")
        double dinoMinSimilarity();
    }

    /** Request limits per caller, counted in PostgreSQL in fixed windows. */
    interface RateLimit {

        /** Requests per hour from one client address without valid credentials. */
        @WithDefault("30")
        int anonymousPerHour();

        /** Requests per hour of an API key whose introspection gives no hourly limit. */
        @WithDefault("1000")
        int apiKeyPerHour();

        /** Requests per day of an API key whose introspection gives no daily limit. */
        @WithDefault("10000")
        int apiKeyPerDay();

        /** Requests per hour of a user with an access token. */
        @WithDefault("1000")
        int userPerHour();

        /** Requests per day of a user with an access token. */
        @WithDefault("10000")
        int userPerDay();

        /** Interval of the job that deletes ended windows. */
        @WithDefault("10m")
        String purgeInterval();
    }

    /** Monthly quotas of organizations. */
    interface Quota {

        /** How long an organization's plan limits from identity-service are reused. */
        @WithDefault("60S")
        Duration planCacheTtl();

        /** Storage limit of organizations on the free plan. */
        @WithDefault("10G")
        MemorySize storageFree();

        /** Storage limit of organizations on the pro plan. */
        @WithDefault("1000G")
        MemorySize storagePro();

        /** Storage limit of organizations on the enterprise plan. */
        @WithDefault("20000G")
        MemorySize storageEnterprise();
    }

    /** The monthly partitions of verification_logs. */
    interface Logs {

        /** Months after the current one whose partitions are kept created. */
        @WithDefault("3")
        int partitionsAhead();

        /** Interval of the job that creates partitions ahead. */
        @WithDefault("24h")
        String partitionInterval();
    }

    /** Embedding models (ONNX), the same files as asset-service's; without a path the embedding is not computed. */
    interface Embedding {

        /** CLIP image encoder with 768-dimensional output. */
        Optional<Path> clipModel();

        /** DINOv2 image encoder with 1024-dimensional output. */
        Optional<Path> dinoModel();
    }
}
