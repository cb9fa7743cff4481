package io.certana.platform.internal;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.certana.platform.problem.ProblemResponses;
import io.certana.platform.problem.ProblemType;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/**
 * Guards every path under {@code /internal/}: the caller must send the shared token in
 * {@code X-Internal-Token}. These paths serve other Certana services and are not routed by the
 * public ingress. The token keeps them closed when a service port is reachable anyway.
 */
public class InternalTokenFilter {

    static final String INTERNAL_PREFIX = "/internal/";

    private final InternalConfig config;

    public InternalTokenFilter(InternalConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkInternalToken(HttpServerRequest request) {
        if (!request.path().startsWith(INTERNAL_PREFIX)) {
            return null;
        }
        if (InternalToken.matches(request.getHeader(InternalToken.HEADER), config.token())) {
            return null;
        }
        Log.warnf("Rejected %s %s from %s: missing or wrong %s", request.method(), request.path(),
                request.remoteAddress(), InternalToken.HEADER);
        return ProblemResponses.toResponse(
                ProblemType.UNAUTHORIZED.problem("Internal endpoints need a valid " + InternalToken.HEADER + " header."),
                request.path());
    }
}
