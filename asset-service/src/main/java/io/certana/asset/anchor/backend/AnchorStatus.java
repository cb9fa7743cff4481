package io.certana.asset.anchor.backend;

import io.certana.asset.anchor.AnchorState;

/**
 * Where a submitted anchor stands.
 *
 * @param state pending (not yet included, or too few confirmations), confirmed, finalized, dropped or failed
 * @param blockNumber block that includes the anchor (local: the log entry index), or null
 * @param blockHash hash of that block, or null (local)
 * @param confirmations blocks from the including one to the head, both counted (local: signed tree
 *     heads that cover the entry); 0 while not included
 */
public record AnchorStatus(AnchorState state, Long blockNumber, String blockHash, long confirmations) {

    public static AnchorStatus notIncluded() {
        return new AnchorStatus(AnchorState.PENDING, null, null, 0);
    }

    public static AnchorStatus lost(AnchorState state) {
        return new AnchorStatus(state, null, null, 0);
    }
}
