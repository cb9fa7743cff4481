package io.certana.verification.ratelimit;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.certana.platform.auth.ApiKeyPrincipal;
import io.certana.platform.auth.Caller;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.ProblemResponses;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts every request under {@code /api/v1/} against the caller's rate limits and adds
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} to its response,
 * whichever layer writes that response: a resource, an exception mapper, the {@code @Authenticated}
 * check, resource matching (404, 405, 415) or the body-size check that rejects a request unread (413).
 *
 * <p>This is a Vert.x route, not a JAX-RS filter, because Quarkus REST runs security checks and
 * resource matching before JAX-RS request filters, and the body-size check runs before JAX-RS at all.
 *
 * <p>The caller is the identity that Quarkus resolves from the request's credentials. Resources
 * read the same memoized identity later, so an API key is introspected once per request. A request
 * whose credentials are missing, invalid or cannot be checked counts against the anonymous window
 * of its client address. Its 401 or 503 follows, unless that window is full: then it gets 429.
 */
@ApplicationScoped
public class RateLimitFilter {

    /**
     * Route order: after Quarkus' authentication handler (order -200, which sets up the deferred
     * identity) and before certana-platform's body-size check (order -3), so that the 413 of an
     * oversized body is counted and carries the headers too.
     */
    static final int ROUTE_ORDER = -4;

    private static final String STATUS_KEY = RateLimitFilter.class.getName() + ".status";
    private static final BiConsumer<RoutingContext, Throwable> DEFER_AUTH_FAILURE = (routing, failure) -> {
    };

    private final RateLimiter limiter;
    private final ClientAddressResolver clientAddresses;
    private final long maxBodySize;

    public RateLimitFilter(RateLimiter limiter, ClientAddressResolver clientAddresses,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.limiter = limiter;
        this.clientAddresses = clientAddresses;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").order(ROUTE_ORDER).handler(this::countRequest);
    }

    private void countRequest(RoutingContext routing) {
        routing.addHeadersEndHandler(ignored -> addHeaders(routing));
        String clientAddress = clientAddresses.resolve(routing.request());
        // The event loop's context of this request: counting blocks on PostgreSQL, so it runs on a
        // worker, and routing continues on this context afterwards.
        Context requestContext = Vertx.currentContext();
        // When authentication fails, Quarkus (3.33) passes the failure to the handler stored under
        // AUTH_FAILURE_HANDLER, and the default one ends the response at once, before this request
        // is counted. A no-op handler replaces it until the count is done. JAX-RS then reports the
        // failure (401, or 503 when identity-service is unreachable) from the memoized identity.
        Object failureHandler = routing.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        routing.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, DEFER_AUTH_FAILURE);
        QuarkusHttpUser.getSecurityIdentity(routing, null)
                .onFailure().recoverWithNull()
                .subscribe().with(identity -> requestContext
                        .executeBlocking(() -> limiter.consume(limiter.windowsFor(toCaller(identity), clientAddress)),
                                false)
                        .onComplete(result -> proceed(routing, failureHandler, result)));
    }

    private void proceed(RoutingContext routing, Object failureHandler, AsyncResult<RateLimitStatus> counted) {
        if (failureHandler == null) {
            routing.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        } else {
            routing.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, failureHandler);
        }
        if (counted.succeeded()) {
            routing.put(STATUS_KEY, counted.result());
            routing.next();
        } else if (counted.cause() instanceof ProblemException rejection) {
            reject(routing, rejection);
        } else {
            // certana-platform's failure handler logs it with an error id and responds 500.
            routing.fail(counted.cause());
        }
    }

    /**
     * Sends the 429 once the request body has been read and discarded. When the connection closes
     * while a client is still writing its body, the client gets a broken pipe instead of the 429
     * (Apache HttpClient throws ClientProtocolException). So a body within the upload limit is
     * drained first, and the connection stays open for the next request.
     */
    private void reject(RoutingContext routing, ProblemException rejection) {
        HttpServerRequest request = routing.request();
        if (request.isEnded()) {
            ProblemResponses.write(routing, rejection.problem(), rejection.headers());
            return;
        }

        // A client that waits for "100 Continue" has sent no body yet, and it stops when it reads
        // the final status. A body declared over the limit is not read at all. Both requests get
        // the response at once, and the connection closes after it.
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if ((expect != null && expect.equalsIgnoreCase("100-continue")) || declaredLength(request) > maxBodySize) {
            respondAndClose(routing, rejection);
            return;
        }

        long[] drained = {0};
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > maxBodySize && !routing.response().headWritten()) {
                respondAndClose(routing, rejection);
            }
        });
        request.exceptionHandler(failure -> Log.debugf("Reading the body of rejected request %s %s failed: %s",
                request.method(), request.path(), failure.toString()));
        request.endHandler(ignored -> {
            if (!routing.response().headWritten()) {
                ProblemResponses.write(routing, rejection.problem(), rejection.headers());
            }
        });
        request.resume();
    }

    private static void respondAndClose(RoutingContext routing, ProblemException rejection) {
        Map<String, String> headers = new HashMap<>(rejection.headers());
        headers.put(HttpHeaders.CONNECTION.toString(), "close");
        routing.response().endHandler(ignored -> routing.request().connection().close());
        ProblemResponses.write(routing, rejection.problem(), headers);
    }

    private static long declaredLength(HttpServerRequest request) {
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Adds the counted state unless the response already carries RateLimit headers (a 429 for a used-up quota). */
    private static void addHeaders(RoutingContext routing) {
        RateLimitStatus status = routing.get(STATUS_KEY);
        MultiMap headers = routing.response().headers();
        if (status == null || headers.contains(RateLimitStatus.LIMIT)) {
            return;
        }
        status.headers().forEach(headers::set);
    }

    /**
     * Returns the caller whose windows count the request, or null for an anonymous one. A token
     * whose subject is not a user id counts as anonymous, and CallerContext rejects it with 401.
     */
    private static Caller toCaller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof ApiKeyPrincipal key) {
            return new Caller(key.key().userId(), null, key.key());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            try {
                return new Caller(UUID.fromString(token.getSubject()), token.getName(), null);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
