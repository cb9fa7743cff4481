package io.certana.platform.problem;

import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

/**
 * Maps Quarkus Security failures to problem+json. Quarkus REST ships mappers for the same
 * exceptions that respond with an empty body; the higher priority of these replaces them.
 */
public class SecurityProblems {

    static final Map<String, String> BEARER_CHALLENGE = Map.of("WWW-Authenticate", "Bearer");

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException error, HttpServerRequest request) {
        return unauthorized(error, request);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationCompletion(AuthenticationCompletionException error, HttpServerRequest request) {
        return unauthorized(error, request);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException error, HttpServerRequest request) {
        return unauthorized((Throwable) error, request);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException error, HttpServerRequest request) {
        return ProblemResponses.toResponse(
                ProblemType.FORBIDDEN.problem("The caller lacks the permission this request needs."), request.path());
    }

    private static Response unauthorized(Throwable error, HttpServerRequest request) {
        ProblemException cause = problemCause(error);
        if (cause != null) {
            return ProblemResponses.toResponse(cause.problem(), request.path(), cause.headers());
        }
        return ProblemResponses.toResponse(unauthorizedProblem(), request.path(), BEARER_CHALLENGE);
    }

    static Problem unauthorizedProblem() {
        return ProblemType.UNAUTHORIZED.problem(
                "Missing, invalid or expired credentials: send 'Authorization: Bearer <token>' or an API key.");
    }

    /** Finds a ProblemException that an identity provider raised inside a security exception. */
    static ProblemException problemCause(Throwable error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }
}
