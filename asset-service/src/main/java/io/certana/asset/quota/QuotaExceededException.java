package io.certana.asset.quota;

import java.util.Map;

/**
 * verification-service refused a reservation (429): the organization's upload or storage quota
 * is used up.
 */
public class QuotaExceededException extends RuntimeException {

    private final String detail;
    private final long retryAfterSeconds;
    private final Map<String, String> rateLimitHeaders;

    public QuotaExceededException(String detail, long retryAfterSeconds, Map<String, String> rateLimitHeaders) {
        super(detail, null, false, false);
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
        this.rateLimitHeaders = Map.copyOf(rateLimitHeaders);
    }

    /** verification-service's explanation, safe to pass on to the client. */
    public String detail() {
        return detail;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset headers verification-service sent. */
    public Map<String, String> rateLimitHeaders() {
        return rateLimitHeaders;
    }
}
