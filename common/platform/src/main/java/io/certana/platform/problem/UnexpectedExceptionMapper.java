package io.certana.platform.problem;

import java.util.UUID;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/**
 * The last resort for exceptions no other mapper handles. A unique constraint violation that a
 * service did not translate becomes 409. Everything else becomes a 500 whose detail carries only
 * an error id; the same id is logged at ERROR with the stack trace.
 */
public class UnexpectedExceptionMapper {

    @ServerExceptionMapper
    public Response unexpected(Throwable error, HttpServerRequest request) {
        if (UniqueViolations.isUniqueViolation(error)) {
            Log.debugf("%s %s hit a unique constraint: %s", request.method(), request.path(), error.toString());
            return ProblemResponses.toResponse(
                    ProblemType.CONFLICT.problem("The request conflicts with an existing resource that has the same unique value."),
                    request.path());
        }
        return serverError(error, request);
    }

    static Response serverError(Throwable error, HttpServerRequest request) {
        if (request.response().headWritten()) {
            // Quarkus has already responded, for example with 413 when a chunked body passed the
            // size limit while it was read. The failure only ends this request's processing.
            Log.debugf("%s %s failed after its response was sent: %s", request.method(), request.path(), error.toString());
            return Response.status(request.response().getStatusCode()).build();
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(error, "%s %s failed with error id %s", request.method(), request.path(), errorId);
        Problem base = ProblemType.INTERNAL_ERROR.problem(
                "An unexpected error occurred. Quote error id " + errorId + " when reporting it.");
        Problem problem = new Problem(base.type(), base.title(), base.status(), base.detail(), null, null, errorId);
        return ProblemResponses.toResponse(problem, request.path());
    }
}
