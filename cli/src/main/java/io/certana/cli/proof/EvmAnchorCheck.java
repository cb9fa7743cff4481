package io.certana.cli.proof;

import java.math.BigInteger;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.provenance.anchor.AnchorTransactionData;

/**
 * Checks an anchor on an Ethereum chain through a JSON-RPC endpoint: the transaction's data is
 * {@code CERTANA1} followed by the batch root, it succeeded, and its block has enough
 * confirmations; the node's {@code finalized} block tells whether it is final.
 */
final class EvmAnchorCheck {

    private static final HexFormat HEX = HexFormat.of();

    private final JsonHttp http;
    private final URI rpcUrl;
    private final CheckReport report;

    EvmAnchorCheck(JsonHttp http, URI rpcUrl, CheckReport report) {
        this.http = http;
        this.rpcUrl = rpcUrl;
        this.report = report;
    }

    /**
     * Runs the checks.
     *
     * @param minConfirmations blocks, the including one counted, the anchor needs
     * @param sender the expected anchoring account, or null to accept any
     */
    void run(CommitmentProof.Proof proof, int minConfirmations, String sender) {
        String txHash = proof.anchor().txHash();
        try {
            JsonNode transaction = http.rpc(rpcUrl, "eth_getTransactionByHash", List.of(txHash));
            if (transaction.isNull() || transaction.isMissingNode()) {
                report.failed("chain transaction", "the node does not know transaction " + txHash);
                return;
            }
            Optional<byte[]> anchored = decodeInput(transaction.path("input").asText(""));
            report.check(anchored.isPresent() && java.util.Arrays.equals(anchored.get(), proof.root()),
                    "chain transaction", txHash + " carries CERTANA1 and the batch root",
                    "the data of " + txHash + " is not CERTANA1 followed by the batch root "
                            + HEX.formatHex(proof.root()));
            String from = transaction.path("from").asText("");
            if (sender != null) {
                report.check(from.equalsIgnoreCase(sender), "chain sender", "sent by " + from,
                        "sent by " + from + ", not by the expected anchoring account " + sender);
            }

            JsonNode receipt = http.rpc(rpcUrl, "eth_getTransactionReceipt", List.of(txHash));
            if (receipt.isNull() || receipt.isMissingNode()) {
                report.failed("chain confirmations", "transaction " + txHash + " is not in a block yet");
                return;
            }
            if (!"0x1".equals(receipt.path("status").asText())) {
                report.failed("chain confirmations", "transaction " + txHash + " was reverted");
                return;
            }
            long block = quantity(receipt.path("blockNumber"));
            long head = quantity(http.rpc(rpcUrl, "eth_blockNumber", List.of()));
            long confirmations = head - block + 1;
            JsonNode finalizedBlock = http.rpc(rpcUrl, "eth_getBlockByNumber", List.of("finalized", false));
            boolean finalized = finalizedBlock.isObject() && quantity(finalizedBlock.path("number")) >= block;
            String finality = finalized ? ", finalized" : ", not finalized yet";
            report.check(confirmations >= minConfirmations, "chain confirmations",
                    "block " + block + ", " + confirmations + " confirmation(s)" + finality,
                    "block " + block + " has " + confirmations + " confirmation(s), fewer than the " + minConfirmations
                            + " required");
            if (proof.anchor().blockHeight() != null && proof.anchor().blockHeight() != block) {
                report.failed("chain block", "the proof names block " + proof.anchor().blockHeight()
                        + ", but the transaction is in block " + block);
            }
        } catch (JsonHttp.RequestFailedException e) {
            report.failed("chain transaction", e.getMessage());
        } catch (NumberFormatException e) {
            report.failed("chain transaction", "the node returned a malformed number: " + e.getMessage());
        }
    }

    private static Optional<byte[]> decodeInput(String input) {
        if (!input.startsWith("0x") || input.length() % 2 != 0) {
            return Optional.empty();
        }
        try {
            return AnchorTransactionData.decode(HEX.parseHex(input.substring(2).toLowerCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long quantity(JsonNode value) {
        String text = value.asText("");
        if (!text.startsWith("0x")) {
            throw new NumberFormatException("'" + text + "' is not a hex quantity");
        }
        return new BigInteger(text.substring(2), 16).longValueExact();
    }
}
