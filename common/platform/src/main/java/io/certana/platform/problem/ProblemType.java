package io.certana.platform.problem;

import java.net.URI;

/**
 * The problem types shared by all services. A type URI is {@value #BASE_URI} followed by a stable
 * slug: clients may branch on it, so a slug is never renamed once released.
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400, "Bad request"),
    MALFORMED_BODY("malformed-body", 400, "Malformed request body"),
    VALIDATION_FAILED("validation-failed", 400, "Validation failed"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL_ERROR("internal-error", 500, "Internal server error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable");

    /** Prefix of every Certana problem type URI. */
    public static final String BASE_URI = "https://certana.io/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }

    /** Builds a problem of this type with the given detail. */
    public Problem problem(String detail) {
        return new Problem(BASE_URI + slug, title, status, detail, null, null, null);
    }

    /**
     * Returns the shared type for an HTTP status, falling back to {@link #BAD_REQUEST} for other
     * 4xx codes and {@link #INTERNAL_ERROR} for other 5xx codes.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_BODY && type != VALIDATION_FAILED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
