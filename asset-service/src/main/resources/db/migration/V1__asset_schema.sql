-- asset-service schema: registered images, their watermarks, fingerprints, signed commitments,
-- fingerprint matches, the organizations' signing keys and the durable processing queue.
-- Departures from the reference schema and their reasons are listed in docs/schema.md.
--
-- Organizations and users live in identity-service's schema, which this role cannot read, so
-- organization_id and created_by are plain indexed UUID columns without foreign keys.

CREATE TABLE assets (
    id                          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id             UUID NOT NULL,
    created_by                  UUID NOT NULL,
    created_by_api_key          UUID,

    -- Content identifiers of the uploaded bytes.
    cid                         VARCHAR(100) NOT NULL,
    content_hash                CHAR(64) NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    ipfs_cid                    VARCHAR(100) NOT NULL,
    filecoin_cid                VARCHAR(100),

    -- The uploaded file.
    original_filename           VARCHAR(500),
    mime_type                   VARCHAR(100) NOT NULL,
    file_size_bytes             BIGINT NOT NULL CHECK (file_size_bytes > 0),
    width                       INTEGER NOT NULL CHECK (width > 0),
    height                      INTEGER NOT NULL CHECK (height > 0),
    original_storage_key        VARCHAR(200) NOT NULL,

    -- The watermarked output, once stored.
    watermarked_cid             VARCHAR(100),
    watermarked_ipfs_cid        VARCHAR(100),
    watermarked_content_hash    CHAR(64) CHECK (watermarked_content_hash ~ '^[0-9a-f]{64}$'),
    watermarked_mime_type       VARCHAR(100),
    watermarked_size_bytes      BIGINT CHECK (watermarked_size_bytes > 0),
    watermarked_storage_url     VARCHAR(1024),
    preview_url                 VARCHAR(1024),

    -- Descriptive metadata.
    title                       VARCHAR(500),
    description                 TEXT,
    tags                        TEXT[] NOT NULL DEFAULT '{}',
    exif_metadata               JSONB,
    tiff_metadata               JSONB,
    c2pa_metadata               JSONB,

    -- Processing.
    processing_status           VARCHAR(20) NOT NULL DEFAULT 'pending'
                                CHECK (processing_status IN ('pending', 'processing', 'completed', 'failed')),
    processing_error            TEXT,

    -- Quota held in verification-service for this asset, returned on failure or deletion.
    quota_uploads_reserved      INTEGER NOT NULL DEFAULT 0 CHECK (quota_uploads_reserved >= 0),
    quota_storage_reserved      BIGINT NOT NULL DEFAULT 0 CHECK (quota_storage_reserved >= 0),

    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                  TIMESTAMPTZ
);
-- The first registrant of a byte sequence keeps it: these indexes decide concurrent uploads.
CREATE UNIQUE INDEX assets_content_hash_key ON assets (content_hash);
CREATE UNIQUE INDEX assets_cid_key ON assets (cid);
-- A verifier holding the exact watermarked file finds its asset through this index.
CREATE INDEX assets_watermarked_content_hash_idx ON assets (watermarked_content_hash);
-- Listings: one organization's assets, newest first, optionally by status or tag.
CREATE INDEX assets_organization_created_idx ON assets (organization_id, created_at DESC, id);
CREATE INDEX assets_organization_status_idx ON assets (organization_id, processing_status);
CREATE INDEX assets_tags_idx ON assets USING gin (tags);
CREATE INDEX assets_created_by_idx ON assets (created_by);
CREATE INDEX assets_processing_status_idx ON assets (processing_status);
CREATE INDEX assets_created_at_idx ON assets (created_at);

CREATE TABLE watermarks (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    asset_id            UUID NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    -- The 64-bit payload Tracks A and B carry, unique across the platform (two's complement).
    payload             BIGINT NOT NULL,
    tracks_embedded     TEXT[] NOT NULL DEFAULT '{}',
    track_a_payload     BYTEA,
    track_b_payload     BYTEA,
    -- The bits Track C carries, derived from the payload with the watermark key.
    track_c_payload     BYTEA,

    -- Detection on the stored output; null until that check has run.
    track_a_detected    BOOLEAN,
    track_b_detected    BOOLEAN,
    track_c_detected    BOOLEAN,
    track_a_confidence  DOUBLE PRECISION,
    track_b_confidence  DOUBLE PRECISION,
    track_c_confidence  DOUBLE PRECISION,

    -- Quality of the embedding.
    track_a_psnr        DOUBLE PRECISION,
    track_b_psnr        DOUBLE PRECISION,
    track_c_psnr        DOUBLE PRECISION,
    psnr                DOUBLE PRECISION,
    embedding_strength  DOUBLE PRECISION,
    robustness_score    DOUBLE PRECISION,

    -- Track B's payload read back from the stored output.
    recovered_payload   BYTEA,
    detected_at         TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX watermarks_asset_id_key ON watermarks (asset_id);
CREATE UNIQUE INDEX watermarks_payload_key ON watermarks (payload);
CREATE INDEX watermarks_track_c_payload_idx ON watermarks (track_c_payload);

CREATE TABLE fingerprints (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    asset_id                UUID NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    clip_embedding          vector(768),
    dino_embedding          vector(1024),
    -- PDQ of the watermarked output: hex in the reference tools' format, and the same 256-bit
    -- number as a bit string (most significant bit first) for Hamming search.
    pdq_hash                CHAR(64) NOT NULL CHECK (pdq_hash ~ '^[0-9a-f]{64}$'),
    pdq_bits                BIT(256) NOT NULL,
    pdq_quality             INTEGER NOT NULL CHECK (pdq_quality BETWEEN 0 AND 100),
    -- The eight rotated and mirrored hashes, in the order original, rotate90, rotate180,
    -- rotate270, flipX, flipY, flipPlus1, flipMinus1.
    pdq_dihedral            CHAR(64)[] NOT NULL CHECK (cardinality(pdq_dihedral) = 8),
    embedding_model         VARCHAR(200),
    similarity_threshold    DOUBLE PRECISION,
    matched_at              TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ
);
CREATE UNIQUE INDEX fingerprints_asset_id_key ON fingerprints (asset_id);
CREATE INDEX fingerprints_pdq_hash_idx ON fingerprints (pdq_hash);
-- Approximate nearest neighbours (pgvector HNSW): Hamming distance for PDQ, cosine for embeddings.
CREATE INDEX fingerprints_pdq_bits_hnsw_idx ON fingerprints USING hnsw (pdq_bits bit_hamming_ops);
CREATE INDEX fingerprints_clip_embedding_hnsw_idx ON fingerprints USING hnsw (clip_embedding vector_cosine_ops);
CREATE INDEX fingerprints_dino_embedding_hnsw_idx ON fingerprints USING hnsw (dino_embedding vector_cosine_ops);

CREATE TABLE fingerprint_matches (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    source_fingerprint_id   UUID NOT NULL REFERENCES fingerprints (id) ON DELETE CASCADE,
    target_fingerprint_id   UUID NOT NULL REFERENCES fingerprints (id) ON DELETE CASCADE,
    source_asset_id         UUID NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    target_asset_id         UUID NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    -- Smallest Hamming distance between any dihedral hash of one and the other's hash, 0..256.
    pdq_distance            INTEGER CHECK (pdq_distance BETWEEN 0 AND 256),
    pdq_similarity          DOUBLE PRECISION,
    clip_similarity         DOUBLE PRECISION,
    dino_similarity         DOUBLE PRECISION,
    average_similarity      DOUBLE PRECISION,
    is_match                BOOLEAN NOT NULL,
    matched_by              TEXT[] NOT NULL DEFAULT '{}',
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (source_fingerprint_id <> target_fingerprint_id)
);
CREATE UNIQUE INDEX fingerprint_matches_pair_key ON fingerprint_matches (source_fingerprint_id, target_fingerprint_id);
CREATE INDEX fingerprint_matches_target_idx ON fingerprint_matches (target_fingerprint_id);
CREATE INDEX fingerprint_matches_source_asset_idx ON fingerprint_matches (source_asset_id);
CREATE INDEX fingerprint_matches_target_asset_idx ON fingerprint_matches (target_asset_id);
CREATE INDEX fingerprint_matches_average_similarity_idx ON fingerprint_matches (average_similarity DESC);

-- Ed25519 commitment signing keys, one per organization and key reference
-- (org:<organizationId>:signing:v<n>). The private key is stored wrapped under a master key.
CREATE TABLE signing_keys (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id         UUID NOT NULL,
    key_ref                 VARCHAR(255) NOT NULL,
    algorithm               VARCHAR(20) NOT NULL DEFAULT 'Ed25519' CHECK (algorithm = 'Ed25519'),
    -- X.509 SubjectPublicKeyInfo, DER.
    public_key              BYTEA NOT NULL,
    -- PKCS #8 private key, AES-256-GCM wrapped with the key reference as associated data.
    wrapped_private_key     BYTEA NOT NULL,
    master_key_id           VARCHAR(100) NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    retired_at              TIMESTAMPTZ
);
-- Decides concurrent first uses: exactly one key is created per reference.
CREATE UNIQUE INDEX signing_keys_key_ref_key ON signing_keys (key_ref);
CREATE INDEX signing_keys_organization_id_idx ON signing_keys (organization_id);

CREATE TABLE commitments (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    asset_id                UUID NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    organization_id         UUID NOT NULL,
    commitment_hash         CHAR(64) NOT NULL CHECK (commitment_hash ~ '^[0-9a-f]{64}$'),
    -- The exact RFC 8785 canonical JSON bytes that were hashed and signed.
    commitment_payload      BYTEA NOT NULL,
    signature               BYTEA NOT NULL,
    signing_key_id          UUID NOT NULL REFERENCES signing_keys (id),
    key_ref                 VARCHAR(255) NOT NULL,
    blockchain_network      VARCHAR(50),
    tx_hash                 VARCHAR(256),
    confirmation_status     VARCHAR(20) NOT NULL DEFAULT 'pending'
                            CHECK (confirmation_status IN ('pending', 'confirmed', 'finalized')),
    block_height            BIGINT,
    confirmed_at            TIMESTAMPTZ,
    verified                BOOLEAN NOT NULL DEFAULT FALSE,
    verified_at             TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX commitments_asset_id_key ON commitments (asset_id);
CREATE INDEX commitments_organization_id_idx ON commitments (organization_id);
CREATE INDEX commitments_commitment_hash_idx ON commitments (commitment_hash);
CREATE INDEX commitments_tx_hash_idx ON commitments (tx_hash);
CREATE INDEX commitments_confirmation_status_idx ON commitments (confirmation_status);

-- The durable registration queue. Workers claim due jobs with FOR UPDATE SKIP LOCKED and hold a
-- lease they renew while a step runs; a job whose lease ran out is claimed again by any worker.
CREATE TABLE processing_jobs (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    asset_id        UUID NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    status          VARCHAR(20) NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    -- The next step to run; each step records its result and advances this in one transaction.
    step            VARCHAR(20) NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts    INTEGER NOT NULL CHECK (max_attempts > 0),
    run_after       TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until     TIMESTAMPTZ,
    locked_by       VARCHAR(200),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX processing_jobs_asset_id_key ON processing_jobs (asset_id);
CREATE INDEX processing_jobs_due_idx ON processing_jobs (run_after) WHERE status = 'queued';
CREATE INDEX processing_jobs_lease_idx ON processing_jobs (lease_until) WHERE status = 'running';
