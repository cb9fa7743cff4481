package io.certana.verification.ratelimit;

import java.util.List;

import io.certana.verification.config.VerificationConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies {@link ClientAddresses} with {@code certana.verification.trusted-proxies} to HTTP requests. */
@ApplicationScoped
public class ClientAddressResolver {

    private final ClientAddresses addresses;

    public ClientAddressResolver(VerificationConfig config) {
        this.addresses = new ClientAddresses(config.trustedProxies().orElse(List.of()));
    }

    /** Returns the client address of a request: the peer, or what a trusted proxy forwarded. */
    public String resolve(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        String peerAddress = peer == null ? null : peer.hostAddress();
        return addresses.resolve(peerAddress, request.getHeader("X-Forwarded-For"));
    }
}
