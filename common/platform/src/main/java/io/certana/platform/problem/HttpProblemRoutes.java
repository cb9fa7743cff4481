package io.certana.platform.problem;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problem+json for the errors that happen in Vert.x before a request reaches JAX-RS: bodies over
 * {@code quarkus.http.limits.max-body-size}, and failures of routes outside Quarkus REST.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    /**
     * Quarkus rejects a Content-Length over the limit at route order -2 with an empty 413
     * (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT in quarkus-vertx-http 3.33), so this check runs
     * just before it and responds with a problem instead.
     */
    static final int BODY_LIMIT_ORDER = -3;

    private final long maxBodySize;

    public HttpProblemRoutes(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(BODY_LIMIT_ORDER).handler(this::rejectOversizedBody);
        router.route().order(BODY_LIMIT_ORDER).failureHandler(this::handleFailure);
    }

    // NOTE: a chunked body (no Content-Length) over the limit is cut off while JAX-RS reads it,
    // and Quarkus then responds with its own empty 413 and closes the connection.
    private void rejectOversizedBody(RoutingContext context) {
        String contentLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && isOverLimit(contentLength)) {
            Log.debugf("%s %s rejected: Content-Length %s over the limit of %d bytes",
                    context.request().method(), context.request().path(), contentLength, maxBodySize);
            // The body is not read, so the connection cannot be reused for another request.
            context.response().endHandler(ignored -> context.request().connection().close());
            ProblemResponses.write(context,
                    ProblemType.PAYLOAD_TOO_LARGE.problem("The request body exceeds the limit of " + maxBodySize + " bytes."),
                    Map.of(HttpHeaders.CONNECTION.toString(), "close"));
            return;
        }
        context.next();
    }

    private boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void handleFailure(RoutingContext context) {
        Throwable failure = context.failure();
        int status = context.statusCode();
        if (context.response().headWritten()) {
            Log.debugf("%s %s failed after its response was sent: %s", context.request().method(),
                    context.request().path(), String.valueOf(failure));
            return;
        }

        if (failure instanceof ProblemException problem) {
            ProblemResponses.write(context, problem.problem(), problem.headers());
        } else if (SecurityProblems.problemCause(failure) != null) {
            ProblemException problem = SecurityProblems.problemCause(failure);
            ProblemResponses.write(context, problem.problem(), problem.headers());
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            ProblemResponses.write(context, SecurityProblems.unauthorizedProblem(), SecurityProblems.BEARER_CHALLENGE);
        } else if (failure instanceof ForbiddenException) {
            ProblemResponses.write(context,
                    ProblemType.FORBIDDEN.problem("The caller lacks the permission this request needs."), Map.of());
        } else if (failure == null && status >= 400 && status < 500) {
            ProblemType type = ProblemType.forStatus(status);
            Problem base = type.problem(type.title() + ": " + context.request().method() + " " + context.request().path() + ".");
            ProblemResponses.write(context, new Problem(base.type(), base.title(), status, base.detail(), null, null, null),
                    Map.of());
        } else {
            String errorId = UUID.randomUUID().toString();
            Log.errorf(failure, "%s %s failed with error id %s (status %d)", context.request().method(),
                    context.request().path(), errorId, status);
            Problem base = ProblemType.INTERNAL_ERROR.problem(
                    "An unexpected error occurred. Quote error id " + errorId + " when reporting it.");
            ProblemResponses.write(context, new Problem(base.type(), base.title(), base.status(), base.detail(), null, null,
                    errorId), Map.of());
        }
    }
}
