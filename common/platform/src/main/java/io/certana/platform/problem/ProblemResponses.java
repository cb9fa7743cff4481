package io.certana.platform.problem;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/**
 * Turns a {@link Problem} into an HTTP response, either as a JAX-RS {@link Response} (exception
 * mappers) or written straight to a Vert.x response (routes that fail before JAX-RS runs).
 */
public final class ProblemResponses {

    // The body is serialized here rather than by a MessageBodyWriter, so a problem is written the
    // same way whatever Accept header the client sent and whichever layer produces it.
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static Response toResponse(Problem problem, String path) {
        return toResponse(problem, path, Map.of());
    }

    public static Response toResponse(Problem problem, String path, Map<String, String> headers) {
        Problem withPath = problem.withInstance(path);
        Response.ResponseBuilder builder = Response.status(withPath.status())
                .type(Problem.MEDIA_TYPE)
                .entity(serialize(withPath));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** Ends the Vert.x response with the problem, unless a response was already sent. */
    public static void write(RoutingContext context, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        Problem withPath = problem.withInstance(context.request().path());
        response.setStatusCode(withPath.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(serialize(withPath));
    }

    static String serialize(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // A record of strings, numbers and lists always serializes; this only guards the API.
            throw new IllegalStateException("Problem could not be serialized", e);
        }
    }
}
