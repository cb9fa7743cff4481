-- Anchoring: signed commitments are collected into batches, each an RFC 6962 Merkle tree over the
-- commitment hashes, and each batch root is anchored by a backend: the embedded transparency log
-- (local) or a transaction on an Ethereum chain (evm). Design: docs/anchoring.md; departures from
-- the reference schema: docs/schema.md.

CREATE TABLE anchor_batches (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    -- RFC 6962 root over the batch's leaves, lower-case hex.
    root            CHAR(64) NOT NULL CHECK (root ~ '^[0-9a-f]{64}$'),
    tree_size       INTEGER NOT NULL CHECK (tree_size > 0),
    -- Follows the batch's current anchor.
    status          VARCHAR(20) NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'confirmed', 'finalized')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ
);
CREATE INDEX anchor_batches_root_idx ON anchor_batches (root);
CREATE INDEX anchor_batches_status_idx ON anchor_batches (status);

-- One row per attempt to anchor a batch. A dropped or failed attempt stays as a record and a new
-- row takes over, so a batch has exactly one current anchor: the one in pending, confirmed or
-- finalized (a partial unique index enforces it).
CREATE TABLE anchors (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    batch_id        UUID NOT NULL REFERENCES anchor_batches (id),
    backend         VARCHAR(20) NOT NULL CHECK (backend ~ '^[a-z][a-z0-9-]*$'),
    network         VARCHAR(50) NOT NULL,
    -- Transaction hash (evm) or local:<log entry index> (local); null until submitted.
    tx_hash         VARCHAR(256),
    block_number    BIGINT CHECK (block_number >= 0),
    block_hash      VARCHAR(66),
    confirmations   BIGINT CHECK (confirmations >= 0),
    status          VARCHAR(20) NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'confirmed', 'finalized', 'dropped', 'failed')),
    -- Submissions tried, successful or not.
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    -- When the tracker next submits or checks this anchor.
    next_check_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    submitted_at    TIMESTAMPTZ,
    confirmed_at    TIMESTAMPTZ,
    finalized_at    TIMESTAMPTZ,
    -- When the anchor was declared dropped or failed.
    ended_at        TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX anchors_tx_hash_key ON anchors (tx_hash);
CREATE UNIQUE INDEX anchors_current_key ON anchors (batch_id) WHERE status IN ('pending', 'confirmed', 'finalized');
CREATE INDEX anchors_due_idx ON anchors (next_check_at) WHERE status IN ('pending', 'confirmed');

-- Commitments join a batch once, with their leaf index and audit path stored. A commitment whose
-- asset is deleted after it joined a batch stays as a tombstone (asset_id, payload and signature
-- cleared, hash and batch kept), because the proofs of the other leaves of its batch depend on its
-- hash. The foreign key to assets therefore sets asset_id to null instead of cascading.
ALTER TABLE commitments
    ADD COLUMN batch_id UUID REFERENCES anchor_batches (id),
    ADD COLUMN leaf_index INTEGER CHECK (leaf_index >= 0),
    -- The sibling hashes from the leaf up to the root, 32 bytes each, concatenated.
    ADD COLUMN audit_path BYTEA CHECK (octet_length(audit_path) % 32 = 0),
    ADD COLUMN asset_deleted_at TIMESTAMPTZ,
    ADD CONSTRAINT commitments_batch_leaf_check
        CHECK ((batch_id IS NULL) = (leaf_index IS NULL) AND (batch_id IS NULL) = (audit_path IS NULL)),
    ALTER COLUMN asset_id DROP NOT NULL,
    ALTER COLUMN commitment_payload DROP NOT NULL,
    ALTER COLUMN signature DROP NOT NULL,
    DROP CONSTRAINT commitments_asset_id_fkey,
    ADD CONSTRAINT commitments_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES assets (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX commitments_batch_leaf_key ON commitments (batch_id, leaf_index);
-- The batcher's queue: signed commitments not yet in a batch, oldest first.
CREATE INDEX commitments_unbatched_idx ON commitments (created_at, id) WHERE batch_id IS NULL;

-- The local backend: an append-only transparency log. Its leaves are batch roots; the perfect
-- subtree hashes are stored as leaves are appended, so any root or proof takes O(log n) reads.
CREATE TABLE transparency_log_keys (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    key_ref                 VARCHAR(255) NOT NULL,
    algorithm               VARCHAR(20) NOT NULL DEFAULT 'Ed25519' CHECK (algorithm = 'Ed25519'),
    -- X.509 SubjectPublicKeyInfo, DER.
    public_key              BYTEA NOT NULL,
    -- PKCS #8 private key, AES-256-GCM wrapped under the signing master key, key_ref as associated data.
    wrapped_private_key     BYTEA NOT NULL,
    master_key_id           VARCHAR(100) NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX transparency_log_keys_key_ref_key ON transparency_log_keys (key_ref);

CREATE TABLE transparency_log_entries (
    leaf_index      BIGINT PRIMARY KEY CHECK (leaf_index >= 0),
    -- The leaf data: a batch root, 32 bytes. Its leaf hash is SHA-256(0x00 || batch_root).
    batch_root      BYTEA NOT NULL CHECK (octet_length(batch_root) = 32),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX transparency_log_entries_batch_root_idx ON transparency_log_entries (batch_root);

-- Hash of the perfect subtree of height level covering leaves [position * 2^level, (position + 1) * 2^level).
CREATE TABLE transparency_log_subtrees (
    level           SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 62),
    position        BIGINT NOT NULL CHECK (position >= 0),
    hash            BYTEA NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, position)
);

-- Signed tree heads: Ed25519 over RFC 6962's TreeHeadSignature bytes (see docs/anchoring.md).
CREATE TABLE transparency_log_tree_heads (
    tree_size       BIGINT PRIMARY KEY CHECK (tree_size > 0),
    root_hash       BYTEA NOT NULL CHECK (octet_length(root_hash) = 32),
    -- The signed timestamp, milliseconds since the Unix epoch.
    timestamp_ms    BIGINT NOT NULL CHECK (timestamp_ms >= 0),
    signature       BYTEA NOT NULL,
    log_key_id      UUID NOT NULL REFERENCES transparency_log_keys (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The log only grows: these triggers reject UPDATE, DELETE and TRUNCATE on its tables, whoever
-- runs them. The owning role could still drop a trigger; what exposes any rewrite to outsiders is
-- that a changed entry breaks the consistency proofs between signed tree heads they kept.
CREATE FUNCTION transparency_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the transparency log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER transparency_log_keys_append_only BEFORE UPDATE OR DELETE ON transparency_log_keys
    FOR EACH ROW EXECUTE FUNCTION transparency_log_reject_change();
CREATE TRIGGER transparency_log_keys_no_truncate BEFORE TRUNCATE ON transparency_log_keys
    FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_reject_change();
CREATE TRIGGER transparency_log_entries_append_only BEFORE UPDATE OR DELETE ON transparency_log_entries
    FOR EACH ROW EXECUTE FUNCTION transparency_log_reject_change();
CREATE TRIGGER transparency_log_entries_no_truncate BEFORE TRUNCATE ON transparency_log_entries
    FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_reject_change();
CREATE TRIGGER transparency_log_subtrees_append_only BEFORE UPDATE OR DELETE ON transparency_log_subtrees
    FOR EACH ROW EXECUTE FUNCTION transparency_log_reject_change();
CREATE TRIGGER transparency_log_subtrees_no_truncate BEFORE TRUNCATE ON transparency_log_subtrees
    FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_reject_change();
CREATE TRIGGER transparency_log_tree_heads_append_only BEFORE UPDATE OR DELETE ON transparency_log_tree_heads
    FOR EACH ROW EXECUTE FUNCTION transparency_log_reject_change();
CREATE TRIGGER transparency_log_tree_heads_no_truncate BEFORE TRUNCATE ON transparency_log_tree_heads
    FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_reject_change();
