package io.certana.platform.problem;

import java.util.Map;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Maps the JAX-RS exceptions that Quarkus REST throws while routing a request (unknown path, wrong
 * method, unsupported content type) and the ones services throw, to problem+json.
 */
public class HttpExceptionMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException error, HttpServerRequest request) {
        Log.debugf("%s %s responded %d: %s", request.method(), request.path(), error.problem().status(),
                error.problem().detail());
        return ProblemResponses.toResponse(error.problem(), request.path(), error.headers());
    }

    /**
     * Maps an unknown path to 404. When two resource classes share a path prefix, Quarkus REST
     * 3.33 raises NotFoundException instead of NotAllowedException for a wrong method on the
     * longer path, so this mapper returns 405 for such a request.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException error, HttpServerRequest request) {
        Set<String> methods = AllowedMethods.forPath(request.path());
        // A resource that raised NotFoundException itself was reached with an allowed method.
        if (!methods.isEmpty() && !methods.contains(request.method().name())) {
            return methodNotAllowed(request, String.join(", ", methods));
        }
        return ProblemResponses.toResponse(
                ProblemType.NOT_FOUND.problem("No resource exists at " + request.path() + "."), request.path());
    }

    /**
     * Maps a wrong method to 405 with the {@code Allow} header that RFC 9110 requires. The header
     * comes from the exception when its thrower set one. Quarkus REST 3.33 sets none while routing,
     * so the methods are then looked up from the resources that match the path.
     */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException error, HttpServerRequest request) {
        String allowed = error.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allowed == null || allowed.isBlank()) {
            Set<String> methods = AllowedMethods.forPath(request.path());
            allowed = methods.isEmpty() ? null : String.join(", ", methods);
        }
        return methodNotAllowed(request, allowed);
    }

    private static Response methodNotAllowed(HttpServerRequest request, String allowed) {
        String detail = "Method " + request.method() + " is not allowed on " + request.path()
                + (allowed == null ? "." : "; allowed: " + allowed + ".");
        Map<String, String> headers = allowed == null ? Map.of() : Map.of(HttpHeaders.ALLOW, allowed);
        return ProblemResponses.toResponse(ProblemType.METHOD_NOT_ALLOWED.problem(detail), request.path(), headers);
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException error, HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String detail = contentType == null
                ? "The request has no Content-Type header; send one the endpoint accepts (application/json, or multipart/form-data for uploads)."
                : "Content-Type " + contentType + " is not supported by " + request.path() + ".";
        return ProblemResponses.toResponse(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(detail), request.path());
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException error, HttpServerRequest request) {
        String detail = "None of the media types in the Accept header (" + request.getHeader(HttpHeaders.ACCEPT)
                + ") can be produced by " + request.path() + ".";
        return ProblemResponses.toResponse(ProblemType.NOT_ACCEPTABLE.problem(detail), request.path());
    }

    /**
     * Maps every other WebApplicationException by its status. The body reader wraps some JSON
     * syntax errors into a plain 400 WebApplicationException, which gets the JSON detail here.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error, HttpServerRequest request) {
        if (error.getCause() instanceof JsonProcessingException json) {
            return ProblemResponses.toResponse(JsonProblems.describe(json), request.path());
        }
        int status = error.getResponse() == null ? 500 : error.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.serverError(error, request);
        }
        ProblemType type = ProblemType.forStatus(status);
        Problem base = type.problem(defaultDetail(status, request));
        Problem problem = new Problem(base.type(), base.title(), status, base.detail(), null, null, null);
        return ProblemResponses.toResponse(problem, request.path());
    }

    private static String defaultDetail(int status, HttpServerRequest request) {
        Response.Status statusType = Response.Status.fromStatusCode(status);
        String reason = statusType == null ? "Request rejected" : statusType.getReasonPhrase();
        return reason + ": " + request.method() + " " + request.path() + ".";
    }
}
