-- verification-service schema: verification logs, quotas, rate-limit counters.
-- Departures from the reference schema, with their reasons, are listed in docs/schema.md.
-- Organizations, users, API keys and assets live in the other services' schemas, which the
-- certana_verification role cannot read, so their ids are plain indexed columns without foreign keys.

-- One row per verification request, partitioned by calendar month (UTC) on created_at, so old
-- months can be detached or dropped whole and listings of recent logs read one or two partitions.
CREATE TABLE verification_logs (
    id                      UUID             NOT NULL,
    created_at              TIMESTAMPTZ      NOT NULL,
    organization_id         UUID,
    user_id                 UUID,
    api_key_id              UUID,
    verified_asset_id       UUID,
    source_image_hash       CHAR(64),
    source_image_size_bytes BIGINT,
    status_code             SMALLINT         NOT NULL,
    error_type              VARCHAR(100),
    verdict                 VARCHAR(16)      CHECK (verdict IN ('authentic', 'forged', 'unknown')),
    verdict_rule            VARCHAR(64),
    confidence              DOUBLE PRECISION CHECK (confidence BETWEEN 0 AND 1),
    watermark_detected      BOOLEAN,
    watermark_confidence    DOUBLE PRECISION,
    fingerprint_match_found BOOLEAN,
    fingerprint_similarity  DOUBLE PRECISION,
    pdq_distance            SMALLINT,
    signature_valid         BOOLEAN,
    blockchain_verified     BOOLEAN,
    tamper_detected         BOOLEAN,
    evidence                JSONB,
    timings                 JSONB,
    processing_time_ms      INTEGER          NOT NULL CHECK (processing_time_ms >= 0),
    model_version           VARCHAR(200),
    requester_ip            VARCHAR(45),
    user_agent              VARCHAR(512),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

-- Declared on the parent, so every partition gets them, those made later by the service included.
CREATE INDEX verification_logs_organization_idx ON verification_logs (organization_id, created_at DESC);
CREATE INDEX verification_logs_organization_verdict_idx ON verification_logs (organization_id, verdict, created_at DESC);
CREATE INDEX verification_logs_user_idx ON verification_logs (user_id);
CREATE INDEX verification_logs_asset_idx ON verification_logs (verified_asset_id);

-- The partitions of the current month and the three after it. The service creates further months
-- ahead at start and daily (certana.verification.logs.partitions-ahead), with the same naming.
DO $$
DECLARE
    month_start DATE := date_trunc('month', now() AT TIME ZONE 'UTC')::DATE;
    first_day   DATE;
BEGIN
    FOR i IN 0..3 LOOP
        first_day := (month_start + make_interval(months => i))::DATE;
        EXECUTE format(
            'CREATE TABLE IF NOT EXISTS %I PARTITION OF verification_logs FOR VALUES FROM (%L) TO (%L)',
            'verification_logs_' || to_char(first_day, 'YYYY_MM'),
            first_day::TEXT || ' 00:00:00+00',
            (first_day + INTERVAL '1 month')::DATE::TEXT || ' 00:00:00+00');
    END LOOP;
END
$$;

-- Usage and limits of one organization in one calendar month (UTC). The row of a month is created
-- by the first request that counts in it; storage_used_bytes starts from the previous month's value.
CREATE TABLE quota_limits (
    organization_id      UUID        NOT NULL,
    period_start         DATE        NOT NULL,
    period_end           DATE        NOT NULL,
    uploads_count        INTEGER     NOT NULL DEFAULT 0 CHECK (uploads_count >= 0),
    verifications_count  INTEGER     NOT NULL DEFAULT 0 CHECK (verifications_count >= 0),
    storage_used_bytes   BIGINT      NOT NULL DEFAULT 0 CHECK (storage_used_bytes >= 0),
    uploads_limit        INTEGER     NOT NULL CHECK (uploads_limit >= 0),
    verifications_limit  INTEGER     NOT NULL CHECK (verifications_limit >= 0),
    storage_limit_bytes  BIGINT      NOT NULL CHECK (storage_limit_bytes >= 0),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, period_start),
    CHECK (period_end > period_start)
);

-- Limits that an operator set for one organization in place of its plan's; a null column keeps
-- the plan's value.
CREATE TABLE quota_overrides (
    organization_id      UUID        PRIMARY KEY,
    uploads_limit        INTEGER     CHECK (uploads_limit >= 0),
    verifications_limit  INTEGER     CHECK (verifications_limit >= 0),
    storage_limit_bytes  BIGINT      CHECK (storage_limit_bytes >= 0),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Fixed-window request counters: one row per subject (an API key, a user or a client address,
-- with the window length) and window. Ended windows are deleted by a scheduled job.
CREATE TABLE rate_limit_windows (
    subject       VARCHAR(200) NOT NULL,
    window_start  TIMESTAMPTZ  NOT NULL,
    window_end    TIMESTAMPTZ  NOT NULL,
    request_count INTEGER      NOT NULL CHECK (request_count >= 0),
    PRIMARY KEY (subject, window_start)
);

CREATE INDEX rate_limit_windows_end_idx ON rate_limit_windows (window_end);
