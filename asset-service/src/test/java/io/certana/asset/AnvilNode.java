package io.certana.asset;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An Anvil node (Foundry's local Ethereum node) run as a child process on 127.0.0.1 for the evm
 * anchoring tests. It mines only on request ({@code --no-mining}), so a test walks blocks with
 * {@link #mine}. Anvil names the block 64 below the head {@code finalized} (two epochs of 32 slots).
 */
final class AnvilNode implements AutoCloseable {

    /** Chain id Anvil reports unless told otherwise. */
    static final long CHAIN_ID = 31337;

    /** Private key of Anvil's first well-known development account, funded on every fresh node; test use only. */
    static final String DEV_PRIVATE_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /** Address of that account. */
    static final String DEV_ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    /** Blocks between the head and the block Anvil reports as finalized. */
    static final int FINALITY_DEPTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path binary;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private AnvilNode(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /** Returns the Anvil binary named by {@code certana.anvil.binary} or {@code CERTANA_ANVIL}, when it exists. */
    static Optional<Path> binary() {
        String configured = System.getProperty("certana.anvil.binary", System.getenv("CERTANA_ANVIL"));
        return Optional.ofNullable(configured).map(Path::of).filter(Files::isExecutable);
    }

    /** Starts a node on a free port of 127.0.0.1. */
    static AnvilNode start(Path binary) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        AnvilNode node = new AnvilNode(binary, port);
        node.launch();
        return node;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops the node: its chain and every pending transaction are gone. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts a fresh node on the same port, as an operator restarting a node without its data would. */
    void restartFresh() throws IOException {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    /** Mines {@code blocks} blocks at once. */
    void mine(int blocks) {
        call("anvil_mine", List.of("0x" + Integer.toHexString(blocks)));
    }

    long blockNumber() {
        return Long.decode(call("eth_blockNumber", List.of()).asText());
    }

    /** Returns the hash of the canonical block at this height, lower case. */
    String blockHash(long number) {
        JsonNode block = call("eth_getBlockByNumber", List.of("0x" + Long.toHexString(number), false));
        if (block.isNull()) {
            throw new IllegalStateException("Anvil has no block " + number + "; the head is " + blockNumber());
        }
        return block.get("hash").asText().toLowerCase(Locale.ROOT);
    }

    /**
     * Replaces the top {@code depth} blocks with as many empty blocks ({@code anvil_reorg}). Anvil
     * 1.7.1 discards the transactions of the replaced blocks: they have no receipt and do not return
     * to the pool.
     */
    void reorg(int depth) {
        call("anvil_reorg", List.of(depth, List.of()));
    }

    /**
     * Replaces the top {@code depth} blocks with new ones and puts one signed transaction into the
     * new block at {@code blockOffset} (0 is the first block above the common ancestor).
     */
    void reorg(int depth, String rawTransaction, int blockOffset) {
        call("anvil_reorg", List.of(depth, List.of(List.of(rawTransaction, blockOffset))));
    }

    /** Returns the transaction, or a JSON null when the node does not know it. */
    JsonNode transaction(String txHash) {
        return call("eth_getTransactionByHash", List.of(txHash));
    }

    /** Returns the signed transaction as sent, 0x-prefixed hex. */
    String rawTransaction(String txHash) {
        JsonNode raw = call("eth_getRawTransactionByHash", List.of(txHash));
        if (raw.isNull()) {
            throw new IllegalStateException("Anvil has no transaction " + txHash);
        }
        return raw.asText();
    }

    JsonNode call(String method, List<Object> params) {
        try {
            String body = JSON.writeValueAsString(
                    Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url()).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed on Anvil: " + answer.get("error"));
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed on Anvil at " + url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(binary.toString(), "--silent", "--no-mining", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--chain-id", String.valueOf(CHAIN_ID))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Anvil exited with code " + process.exitValue()
                        + " at start on port " + port);
            }
            try {
                call("eth_chainId", List.of());
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof ConnectException)) {
                    throw e;
                }
            }
            AssetApi.sleep(20);
        }
        stop();
        throw new IllegalStateException("Anvil did not answer on port " + port + " within 20 s");
    }
}
