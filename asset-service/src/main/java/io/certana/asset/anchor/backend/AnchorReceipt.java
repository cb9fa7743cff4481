package io.certana.asset.anchor.backend;

/**
 * What identifies a submitted anchor to its backend.
 *
 * @param network the network it was submitted to
 * @param txHash the transaction hash (evm) or {@code local:<entry index>} (local)
 * @param blockNumber block the anchor was last seen in, or null while not included
 * @param blockHash hash of that block, or null; a different hash at that height means a reorganisation
 */
public record AnchorReceipt(String network, String txHash, Long blockNumber, String blockHash) {

    public static AnchorReceipt submitted(String network, String txHash) {
        return new AnchorReceipt(network, txHash, null, null);
    }
}
