package io.certana.verification.ratelimit;

import jakarta.enterprise.context.RequestScoped;

/** The rate-limit state of the current request, which {@link RateLimitHeaders} writes into the response. */
@RequestScoped
public class RateLimitContext {

    private RateLimitStatus status;

    public void set(RateLimitStatus status) {
        this.status = status;
    }

    /** Returns the status, or null when the request was not counted. */
    public RateLimitStatus status() {
        return status;
    }
}
