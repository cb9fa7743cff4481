-- identity-service schema: users, organizations and their members, API keys, email
-- verification tokens, and the counters behind login throttling. Departures from the reference
-- schema and their reasons are listed in docs/schema.md.

CREATE TABLE users (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email           VARCHAR(255) NOT NULL,
    full_name       VARCHAR(255),
    password_hash   VARCHAR(255) NOT NULL,
    is_verified     BOOLEAN NOT NULL DEFAULT FALSE,
    tier            VARCHAR(50) NOT NULL DEFAULT 'free' CHECK (tier IN ('free', 'pro', 'enterprise')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ,
    last_login_at   TIMESTAMPTZ
);
-- One account per address whatever its letter case; the index also serves login lookups.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_tier_idx ON users (tier);
CREATE INDEX users_created_at_idx ON users (created_at);

CREATE TABLE organizations (
    id                          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id                    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name                        VARCHAR(255) NOT NULL,
    slug                        VARCHAR(255) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description                 TEXT,
    logo_url                    VARCHAR(500),
    plan                        VARCHAR(50) NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
    master_key_ref              VARCHAR(255) NOT NULL,
    max_users                   INTEGER NOT NULL CHECK (max_users > 0),
    max_assets                  INTEGER NOT NULL CHECK (max_assets >= 0),
    max_verifications_per_day   INTEGER NOT NULL CHECK (max_verifications_per_day >= 0),
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                  TIMESTAMPTZ
);
CREATE UNIQUE INDEX organizations_slug_key ON organizations (slug);
CREATE INDEX organizations_owner_id_idx ON organizations (owner_id);
CREATE INDEX organizations_plan_idx ON organizations (plan);

CREATE TABLE organization_members (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id   UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role              VARCHAR(20) NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    invited_by        UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- A user is a member of an organization at most once.
CREATE UNIQUE INDEX organization_members_org_user_key ON organization_members (organization_id, user_id);
CREATE INDEX organization_members_user_id_idx ON organization_members (user_id);

CREATE TABLE api_keys (
    id                    UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id       UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id               UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key_prefix            VARCHAR(32) NOT NULL,
    key_hash              VARCHAR(64) NOT NULL,
    name                  VARCHAR(255) NOT NULL,
    scopes                TEXT[] NOT NULL DEFAULT ARRAY['read', 'verify'],
    rate_limit_per_hour   INTEGER CHECK (rate_limit_per_hour > 0),
    rate_limit_per_day    INTEGER CHECK (rate_limit_per_day > 0),
    is_active             BOOLEAN NOT NULL DEFAULT TRUE,
    expires_at            TIMESTAMPTZ,
    last_used_at          TIMESTAMPTZ,
    revoked_at            TIMESTAMPTZ,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (scopes <@ ARRAY['read', 'write', 'verify', 'admin']::TEXT[] AND cardinality(scopes) > 0)
);
-- key_hash is HMAC-SHA-256 of the full key (hex), looked up on every API request.
CREATE UNIQUE INDEX api_keys_key_hash_key ON api_keys (key_hash);
CREATE INDEX api_keys_organization_id_idx ON api_keys (organization_id);
CREATE INDEX api_keys_user_id_idx ON api_keys (user_id);
CREATE INDEX api_keys_key_prefix_idx ON api_keys (key_prefix);

CREATE TABLE email_verifications (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   VARCHAR(64) NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- token_hash is SHA-256 of the mailed token (hex); the token itself is never stored.
CREATE UNIQUE INDEX email_verifications_token_hash_key ON email_verifications (token_hash);
CREATE INDEX email_verifications_user_id_idx ON email_verifications (user_id);

-- Failed logins counted per fixed window, shared by all replicas. throttle_key is
-- 'email:' || SHA-256(lower(email)) or 'ip:' || client address.
CREATE TABLE login_failures (
    throttle_key   VARCHAR(128) PRIMARY KEY,
    window_start   TIMESTAMPTZ NOT NULL,
    failures       INTEGER NOT NULL CHECK (failures > 0)
);
CREATE INDEX login_failures_window_start_idx ON login_failures (window_start);
