package io.certana.asset.anchor.local;

import io.certana.provenance.merkle.SubtreeHashes;

/**
 * The transparency log's perfect-subtree hashes read from PostgreSQL, one indexed lookup each, so
 * a root or proof over n entries reads O(log n) rows. Use it inside a transaction.
 */
final class StoredSubtrees implements SubtreeHashes {

    private final TransparencyLogRepository repository;

    StoredSubtrees(TransparencyLogRepository repository) {
        this.repository = repository;
    }

    @Override
    public byte[] perfectSubtree(int level, long index) {
        return repository.findSubtree(level, index).orElseThrow(() -> new IllegalStateException(
                "the transparency log has no subtree hash at level " + level + ", position " + index
                        + "; the subtree table is incomplete"));
    }
}
