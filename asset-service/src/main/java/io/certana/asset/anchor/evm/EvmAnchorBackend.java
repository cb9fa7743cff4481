package io.certana.asset.anchor.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import io.certana.asset.anchor.AnchorState;
import io.certana.asset.anchor.backend.AnchorBackend;
import io.certana.asset.anchor.backend.AnchorBackendException;
import io.certana.asset.anchor.backend.AnchorReceipt;
import io.certana.asset.anchor.backend.AnchorStatus;
import io.certana.provenance.anchor.AnchorTransactionData;
import io.quarkus.logging.Log;
import okhttp3.OkHttpClient;

/**
 * Anchors batch roots on an Ethereum chain through JSON-RPC (web3j). Each root goes into the
 * {@code data} of a zero-value EIP-1559 transaction from the anchoring account to itself
 * ({@link AnchorTransactionData}: {@code CERTANA1} then the root).
 *
 * <p>The nonce is read from the node ({@code eth_getTransactionCount} at the pending block) for
 * every submission, so restarts and other instances of the service need no local counter. Fees are
 * twice the latest base fee plus the node's suggested tip, capped by configuration.
 *
 * <p>An anchor is confirmed once its block has the configured number of confirmations, and
 * finalized once that block is at or below the node's {@code finalized} block. An anchor seen in a
 * block is dropped when its receipt is gone and another block has taken that height, because then a
 * reorganisation removed it. The tracker then anchors the batch again. Responses that contradict
 * each other, such as a receipt naming a block the node does not have, raise
 * {@link AnchorBackendException}, so the tracker keeps the anchor's state and checks again later.
 */
public final class EvmAnchorBackend implements AnchorBackend, AutoCloseable {

    /** Backend name stored with each anchor. */
    public static final String NAME = "evm";

    /** The network names an operator may configure. */
    public static final Set<String> NETWORKS = Set.of("mainnet", "testnet", "devnet");

    private static final Pattern PRIVATE_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

    /**
     * What the backend needs.
     *
     * @param rpcUrl JSON-RPC endpoint
     * @param network mainnet, testnet or devnet
     * @param chainId the chain id the node must report
     * @param privateKey the anchoring account's key, 64 hex digits with or without 0x
     * @param confirmations blocks, the including one counted, for an anchor to be confirmed
     * @param dropTimeout time without a receipt after which an anchor counts as dropped
     * @param requestTimeout timeout of one JSON-RPC request
     * @param maxFeePerGasWei highest fee per gas offered, or empty for no cap
     */
    public record Settings(URI rpcUrl, String network, long chainId, String privateKey, int confirmations,
            Duration dropTimeout, Duration requestTimeout, Optional<BigInteger> maxFeePerGasWei) {
    }

    private final Settings settings;
    private final Web3j web3;
    private final Credentials credentials;
    /** Submissions of this instance read the pending nonce and send one at a time. */
    private final Object submissionLock = new Object();
    private volatile boolean chainVerified;

    /**
     * @throws IllegalArgumentException when a setting is invalid (the message names the key)
     */
    public EvmAnchorBackend(Settings settings) {
        if (!NETWORKS.contains(settings.network())) {
            throw new IllegalArgumentException("certana.asset.anchoring.evm.network must be one of mainnet, testnet, "
                    + "devnet, got '" + settings.network() + "'");
        }
        if (settings.privateKey() == null || !PRIVATE_KEY.matcher(settings.privateKey().trim()).matches()) {
            throw new IllegalArgumentException("certana.asset.anchoring.evm.private-key must be 32 bytes in hex (64 digits)");
        }
        if (settings.confirmations() < 1) {
            throw new IllegalArgumentException("certana.asset.anchoring.evm.confirmations must be at least 1, got "
                    + settings.confirmations());
        }
        this.settings = settings;
        this.credentials = Credentials.create(settings.privateKey().trim());
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.requestTimeout())
                .readTimeout(settings.requestTimeout())
                .writeTimeout(settings.requestTimeout())
                .callTimeout(settings.requestTimeout())
                .build();
        this.web3 = Web3j.build(new HttpService(settings.rpcUrl().toString(), http));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String network() {
        return settings.network();
    }

    /** Returns the anchoring account's address, 0x-prefixed. */
    public String address() {
        return credentials.getAddress();
    }

    /**
     * Checks that the node serves the configured chain.
     *
     * @throws ChainMismatchException when the node reports another chain id
     * @throws AnchorBackendException when the node cannot be asked
     */
    public void verifyChain() {
        BigInteger reported = call("eth_chainId", web3.ethChainId()).getChainId();
        if (reported.longValue() != settings.chainId()) {
            throw new ChainMismatchException("the Ethereum node at " + endpoint() + " serves chain id " + reported
                    + ", but certana.asset.anchoring.evm.chain-id is " + settings.chainId()
                    + "; point rpc-url at a node of the configured network or correct chain-id");
        }
        chainVerified = true;
    }

    @Override
    public AnchorReceipt submit(byte[] batchRoot) {
        if (!chainVerified) {
            verifyChain();
        }
        String data = Numeric.toHexString(AnchorTransactionData.encode(batchRoot));
        String account = credentials.getAddress();
        synchronized (submissionLock) {
            BigInteger nonce = call("eth_getTransactionCount",
                    web3.ethGetTransactionCount(account, DefaultBlockParameterName.PENDING)).getTransactionCount();
            EthBlock.Block latest = call("eth_getBlockByNumber", web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST,
                    false)).getBlock();
            BigInteger tip = call("eth_maxPriorityFeePerGas", web3.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
            BigInteger baseFee = latest.getBaseFeePerGas() == null ? BigInteger.ZERO : latest.getBaseFeePerGas();
            BigInteger maxFee = baseFee.shiftLeft(1).add(tip);
            if (settings.maxFeePerGasWei().isPresent()) {
                BigInteger cap = settings.maxFeePerGasWei().get();
                maxFee = maxFee.min(cap);
                tip = tip.min(cap);
            }
            BigInteger gas = call("eth_estimateGas", web3.ethEstimateGas(Transaction.createFunctionCallTransaction(
                    account, nonce, null, null, account, BigInteger.ZERO, data))).getAmountUsed();

            RawTransaction transaction = RawTransaction.createTransaction(settings.chainId(), nonce, gas, account,
                    BigInteger.ZERO, data, tip, maxFee);
            String signed = Numeric.toHexString(TransactionEncoder.signMessage(transaction, credentials));
            // The hash is known before sending, so a lost answer still leaves a trackable transaction.
            String txHash = Hash.sha3(signed);
            EthSendTransaction sent = send("eth_sendRawTransaction", web3.ethSendRawTransaction(signed));
            if (sent.hasError() && !alreadyKnown(sent.getError().getMessage())) {
                throw new AnchorBackendException("the Ethereum node at " + endpoint() + " rejected the anchor transaction"
                        + " (nonce " + nonce + "): " + sent.getError().getMessage());
            }
            Log.infof("Sent anchor transaction %s (nonce %s) to %s", txHash, nonce, settings.network());
            return AnchorReceipt.submitted(settings.network(), txHash);
        }
    }

    @Override
    public AnchorStatus status(AnchorReceipt receipt) {
        Optional<TransactionReceipt> found = call("eth_getTransactionReceipt",
                web3.ethGetTransactionReceipt(receipt.txHash())).getTransactionReceipt();
        if (found.isEmpty()) {
            return receipt.blockHash() == null ? AnchorStatus.notIncluded() : receiptGoneAfterInclusion(receipt);
        }
        TransactionReceipt included = found.get();
        BigInteger blockNumber = included.getBlockNumber();
        String blockHash = included.getBlockHash();

        // A node in the middle of a reorganisation may return a receipt of a block that is no longer
        // canonical. A provider whose load balancer spreads requests over nodes at different heights
        // may return a receipt of a block that its next node does not have yet. Check again later.
        EthBlock.Block canonical = blockAt(blockNumber);
        if (canonical == null || !canonical.getHash().equalsIgnoreCase(blockHash)) {
            throw new AnchorBackendException("the Ethereum node at " + endpoint() + " returned a receipt of "
                    + receipt.txHash() + " in block " + blockNumber + " (" + blockHash + "), but "
                    + (canonical == null ? "no block at that height" : "block " + canonical.getHash() + " there")
                    + "; checking again later");
        }
        if (!included.isStatusOK()) {
            return new AnchorStatus(AnchorState.FAILED, blockNumber.longValueExact(), blockHash, 0);
        }
        BigInteger head = call("eth_blockNumber", web3.ethBlockNumber()).getBlockNumber();
        long confirmations = head.subtract(blockNumber).longValueExact() + 1;
        Optional<BigInteger> finalized = finalizedBlock();

        AnchorState state;
        if (finalized.isPresent() && blockNumber.compareTo(finalized.get()) <= 0) {
            state = AnchorState.FINALIZED;
        } else if (confirmations >= settings.confirmations()) {
            state = AnchorState.CONFIRMED;
        } else {
            state = AnchorState.PENDING;
        }
        return new AnchorStatus(state, blockNumber.longValueExact(), blockHash.toLowerCase(Locale.ROOT), confirmations);
    }

    @Override
    public Optional<Duration> dropTimeout() {
        return Optional.of(settings.dropTimeout());
    }

    @Override
    public void close() {
        web3.shutdown();
    }

    /**
     * Decides what a missing receipt means for an anchor that was seen in a block. Only another
     * block at that height proves a reorganisation. A node without a block there, or with the same
     * block still there, responds from a view that lags behind or is incomplete (for example one
     * node of a load-balanced provider), so the anchor is checked again later.
     *
     * @throws AnchorBackendException when the node's responses do not prove a reorganisation
     */
    private AnchorStatus receiptGoneAfterInclusion(AnchorReceipt receipt) {
        EthBlock.Block block = blockAt(BigInteger.valueOf(receipt.blockNumber()));
        if (block == null) {
            throw new AnchorBackendException("the Ethereum node at " + endpoint() + " returned no receipt of "
                    + receipt.txHash() + " and no block " + receipt.blockNumber() + ", where it was included;"
                    + " the node may lag behind the chain, checking again later");
        }
        if (block.getHash().equalsIgnoreCase(receipt.blockHash())) {
            throw new AnchorBackendException("the Ethereum node at " + endpoint() + " returned no receipt of "
                    + receipt.txHash() + ", although block " + receipt.blockNumber() + " (" + receipt.blockHash()
                    + "), which includes it, is still canonical; checking again later");
        }
        return AnchorStatus.lost(AnchorState.DROPPED);
    }

    /** Returns the canonical block at this height, without its transactions, or null when the node has none. */
    private EthBlock.Block blockAt(BigInteger number) {
        return call("eth_getBlockByNumber", web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false))
                .getBlock();
    }

    /** Returns the number of the node's finalized block, or empty when it has none or does not support the tag. */
    private Optional<BigInteger> finalizedBlock() {
        EthBlock answer = send("eth_getBlockByNumber", web3.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false));
        if (answer.hasError() || answer.getBlock() == null) {
            return Optional.empty();
        }
        return Optional.of(answer.getBlock().getNumber());
    }

    /** Sends a request and returns its answer, failing on a transport error or an error answer. */
    private <T extends Response<?>> T call(String method, Request<?, T> request) {
        T answer = send(method, request);
        if (answer.hasError()) {
            throw new AnchorBackendException(method + " on the Ethereum node at " + endpoint() + " failed: "
                    + answer.getError().getMessage());
        }
        return answer;
    }

    /**
     * Sends a request and returns its response, error responses included, failing on a transport
     * error. web3j 4.12 reports an HTTP status other than 2xx (a gateway error, a provider's rate
     * limit) as the unchecked {@link ClientConnectionException}. It is caught here too, because the
     * tracker retries only {@link AnchorBackendException}.
     */
    private <T extends Response<?>> T send(String method, Request<?, T> request) {
        try {
            return request.send();
        } catch (IOException | ClientConnectionException e) {
            throw new AnchorBackendException(method + " on the Ethereum node at " + endpoint() + " failed: " + e, e);
        }
    }

    /** Names the node by scheme, host and port only, because a provider URL's path may hold an access key. */
    private String endpoint() {
        URI url = settings.rpcUrl();
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** Returns whether a send error only means the node already has this transaction (a repeated send). */
    private static boolean alreadyKnown(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return text.contains("already known") || text.contains("already imported");
    }
}
