-- A resubmission after a drop can be the byte-identical transaction: the same nonce (read from the
-- node), fees and data, signed with deterministic ECDSA (RFC 6979, as web3j signs), give the same
-- hash, for example when a node restarted without its pending transactions. The dropped attempt
-- keeps its hash as a record, so tx_hash is unique among current anchors (pending, confirmed,
-- finalized) rather than across all attempts.
DROP INDEX anchors_tx_hash_key;
CREATE UNIQUE INDEX anchors_current_tx_hash_key ON anchors (tx_hash) WHERE status IN ('pending', 'confirmed', 'finalized');
CREATE INDEX anchors_tx_hash_idx ON anchors (tx_hash);
