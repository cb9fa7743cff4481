package io.certana.verification.ratelimit;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Adds {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} to every
 * response of a request that was counted, error responses included. A 429 already carries them.
 */
public class RateLimitHeaders {

    private final RateLimitContext context;

    public RateLimitHeaders(RateLimitContext context) {
        this.context = context;
    }

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        RateLimitStatus status = context.status();
        if (status == null) {
            return;
        }
        status.headers().forEach((name, value) -> {
            if (!response.getHeaders().containsKey(name)) {
                response.getHeaders().putSingle(name, value);
            }
        });
    }
}
