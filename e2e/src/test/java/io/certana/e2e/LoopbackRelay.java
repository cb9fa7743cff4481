package io.certana.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on 127.0.0.1 that listens before the service behind it has started, and forwards
 * each connection to that service's port once {@link #forwardTo} names it.
 *
 * <p>asset-service needs verification-service's URL at start (quota reservations), and
 * verification-service needs asset-service's URL at start (candidate matching), while
 * {@link io.certana.testing.ServiceProcess} picks each port itself. asset-service therefore gets
 * this relay's URL, and the relay forwards to verification-service once that has started.
 * Connections that arrive before then are closed at once.
 */
final class LoopbackRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "e2e-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int targetPort;

    private LoopbackRelay(ServerSocket listener) {
        this.listener = listener;
    }

    /** Opens the relay on a free port and starts accepting connections. */
    static LoopbackRelay open() {
        try {
            LoopbackRelay relay = new LoopbackRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            relay.threads.execute(relay::acceptConnections);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the relay's port on 127.0.0.1", e);
        }
    }

    /** Returns the relay's URL, {@code http://127.0.0.1:<port>}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Forwards every later connection to this port on 127.0.0.1. */
    void forwardTo(int port) {
        targetPort = port;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // The relay is being discarded, so a failed close leaves nothing to clean up.
        }
        threads.shutdownNow();
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                // The listener was closed: the relay stops.
                return;
            }
        }
    }

    private void relay(Socket client) {
        int port = targetPort;
        try (client) {
            if (port == 0) {
                return;
            }
            try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port)) {
                threads.execute(() -> pump(client, target));
                pump(target, client);
            }
        } catch (IOException e) {
            // A side closed the connection; closing both ends is all there is to do.
        }
    }

    /** Copies bytes from one socket to the other until the source ends, then ends the destination's output. */
    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // A side closed the connection.
        }
    }
}
