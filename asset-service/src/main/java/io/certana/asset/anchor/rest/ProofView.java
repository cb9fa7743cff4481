package io.certana.asset.anchor.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The inclusion proof of a commitment in its batch, and the batch's anchor. A verifier hashes the
 * commitment hash's 32 bytes as a leaf, SHA-256(0x00 ‖ bytes), folds in the audit path as RFC 6962
 * describes, compares the result with {@code root}, and then checks that the anchor carries that root.
 *
 * @param leafIndex position of the commitment's leaf in the batch, from 0
 * @param treeSize number of leaves in the batch
 * @param leafHash SHA-256(0x00 ‖ commitment hash bytes), hex
 * @param auditPath sibling hashes from the leaf up to the root, hex
 * @param root the batch's Merkle root, hex
 * @param batchId the batch
 * @param anchor where the root is anchored
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProofView(int leafIndex, int treeSize, String leafHash, List<String> auditPath, String root, UUID batchId,
        AnchorView anchor) {

    /**
     * The current anchor of a batch.
     *
     * @param backend local or evm
     * @param network local, or mainnet, testnet or devnet
     * @param txHash transaction hash (evm) or {@code local:<log entry index>}; null until submitted
     * @param blockHeight block that includes the transaction (local: the log entry index); null until included
     * @param blockHash hash of that block (evm), or null
     * @param confirmationStatus pending, confirmed or finalized
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AnchorView(String backend, String network, String txHash, Long blockHeight, String blockHash,
            String confirmationStatus) {
    }
}
