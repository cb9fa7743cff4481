package io.certana.asset.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of asset-service, under {@code certana.asset}. */
@ConfigMapping(prefix = "certana.asset")
public interface AssetConfig {

    Upload upload();

    Storage storage();

    Output output();

    Jobs jobs();

    Matching matching();

    Embedding embedding();

    Signing signing();

    Quota quota();

    /** Limits on uploaded files. */
    interface Upload {

        /** Largest accepted file; larger files get 413. Keep {@code quarkus.http.limits.max-body-size} a little above it. */
        @WithDefault("50M")
        MemorySize maxBytes();

        /** Largest accepted image, in pixels (width × height), checked from the header before decoding. */
        @WithDefault("50000000")
        long maxPixels();

        /** Wall-clock limit for decoding one image. */
        @WithDefault("10S")
        Duration decodeTimeLimit();

        /**
         * Uploads whose image is checked at the same time. Each check keeps the decoded pixels in
         * memory (4 bytes per pixel), so this bounds the memory that uploads take.
         */
        @WithDefault("2")
        int maxConcurrentChecks();

        /** How long an upload waits for a check slot before it gets 503 with Retry-After. */
        @WithDefault("30S")
        Duration checkWait();

        /**
         * Pixels of checked uploads kept in memory, in total, for the worker that watermarks them,
         * which then skips decoding the original again; 0 turns this off. 4 bytes per pixel.
         */
        @WithDefault("50000000")
        long handoffMaxPixels();
    }

    /** Storage of blobs: originals and watermarked outputs. */
    interface Storage {

        /** Root folder of the filesystem blob store: a mounted volume in production. */
        Path root();
    }

    /** The watermarked output. */
    interface Output {

        /** JPEG quality of outputs of JPEG uploads, 0..1 on libjpeg's scale; other formats become PNG. */
        @WithDefault("0.92")
        float jpegQuality();
    }

    /** The registration queue and its workers. */
    interface Jobs {

        /** Whether this instance runs workers; instances that only serve the API may turn them off. */
        @WithDefault("true")
        boolean enabled();

        /** Worker threads, each running one job at a time. */
        @WithDefault("2")
        int workers();

        /** How long a claimed job stays reserved for its worker without a heartbeat. */
        @WithDefault("60S")
        Duration lease();

        /** Interval of the heartbeat that extends the lease while a step runs; well below the lease. */
        @WithDefault("15S")
        Duration heartbeat();

        /** Interval at which idle workers look for due jobs (uploads on this instance wake them at once). */
        @WithDefault("1S")
        Duration pollInterval();

        /** Attempts before a job that keeps failing with transient errors ends in failed. */
        @WithDefault("6")
        int maxAttempts();

        /** Delay before the first retry; each further retry doubles it, with random jitter. */
        @WithDefault("2S")
        Duration backoffBase();

        /** Maximum delay between two attempts. */
        @WithDefault("5M")
        Duration backoffMax();

        /** How long shutdown waits for running jobs before it interrupts them and hands them back. */
        @WithDefault("20S")
        Duration shutdownGrace();
    }

    /** Fingerprint matching, at registration and in the internal match API. */
    interface Matching {

        /** Largest PDQ Hamming distance (of 256 bits) that counts as a match. */
        @WithDefault("31")
        int pdqMaxDistance();

        /** Smallest CLIP cosine similarity that counts as a match. */
        @WithDefault("0.92")
        double clipMinSimilarity();

        /** Smallest DINO cosine similarity that counts as a match. */
        @WithDefault("0.90")
        double dinoMinSimilarity();

        /** Nearest neighbours read per query before the thresholds are applied. */
        @WithDefault("20")
        int neighbours();

        /** {@code hnsw.ef_search} for match queries: candidates HNSW keeps while searching; higher raises recall. */
        @WithDefault("200")
        int efSearch();
    }

    /** Embedding models (ONNX); without a path the embedding is not computed. */
    interface Embedding {

        /** CLIP image encoder with 768-dimensional output. */
        Optional<Path> clipModel();

        /** DINOv2 image encoder with 1024-dimensional output. */
        Optional<Path> dinoModel();
    }

    /** Commitment signing keys. */
    interface Signing {

        /**
         * Master key that wraps every organization's private signing key: 32 bytes, base64. It
         * comes from a Kubernetes Secret in production; the start fails without it.
         */
        String masterKey();

        /** Name of the master key, stored beside each wrapped key, so a rotation can tell which key unwraps it. */
        @WithDefault("master-v1")
        String masterKeyId();

        /** How long an organization's key reference from identity-service is reused. */
        @WithDefault("1M")
        Duration keyRefCacheTtl();
    }

    /** Upload and storage quotas, kept by verification-service. */
    interface Quota {

        /**
         * Whether uploads reserve quota in verification-service. A switch for tests and local
         * development only: production keeps it on.
         */
        @WithDefault("true")
        boolean enabled();

        /** Base URL of verification-service's internal API. */
        @WithDefault("http://127.0.0.1:8083")
        URI verificationUrl();
    }
}
