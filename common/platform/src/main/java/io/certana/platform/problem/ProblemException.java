package io.certana.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * An error that services throw to respond with a specific problem: the shared mapper turns it into
 * an {@code application/problem+json} response with the given status, type, title and detail.
 * The detail is sent to the client as it is, so it must not contain secrets or internal names.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.status() + " " + problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /**
     * Creates a problem of a service-specific type.
     *
     * @param status HTTP status code
     * @param slug last path segment of the type URI, such as {@code email-not-verified}
     * @param title short summary of the type
     * @param detail explanation of this occurrence
     */
    public ProblemException(int status, String slug, String title, String detail) {
        this(new Problem(ProblemType.BASE_URI + slug, title, status, detail, null, null, null));
    }

    public Problem problem() {
        return problem;
    }

    /** Extra response headers, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type.problem(detail));
    }

    public static ProblemException badRequest(String detail) {
        return of(ProblemType.BAD_REQUEST, detail);
    }

    /** Creates a 400 validation problem naming one invalid field. */
    public static ProblemException invalidField(String field, String message) {
        Problem base = ProblemType.VALIDATION_FAILED.problem("The request contains an invalid value: " + message);
        return new ProblemException(new Problem(base.type(), base.title(), base.status(), base.detail(), null,
                List.of(new Problem.FieldError(field, message)), null));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED.problem(detail), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return of(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(ProblemType.CONFLICT, detail);
    }

    /** Creates a 429 problem telling the client to wait {@code retryAfterSeconds} before trying again. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(ProblemType.RATE_LIMITED.problem(detail),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public static ProblemException serviceUnavailable(String detail) {
        return of(ProblemType.SERVICE_UNAVAILABLE, detail);
    }
}
