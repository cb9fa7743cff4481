package io.certana.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/**
 * Maps request bodies that Jackson cannot read to 400 problems. These replace the Quarkus REST
 * defaults, whose messages name Java classes. The detail names the JSON field and position, never
 * a Java type.
 */
public class JsonProblems {

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException error, HttpServerRequest request) {
        return ProblemResponses.toResponse(describe(error), request.path());
    }

    // Registered for the subclass too, because Quarkus REST ships its own mapper for it.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException error, HttpServerRequest request) {
        return ProblemResponses.toResponse(describe(error), request.path());
    }

    static Problem describe(JsonProcessingException error) {
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping.getPath());
            String message = error instanceof UnrecognizedPropertyException
                    ? "unknown field"
                    : "has the wrong type or format";
            Problem base = ProblemType.MALFORMED_BODY.problem("Field '" + field + "' " + message + ".");
            return new Problem(base.type(), base.title(), base.status(), base.detail(), null,
                    List.of(new Problem.FieldError(field, message)), null);
        }
        if (error instanceof MismatchedInputException) {
            return ProblemType.MALFORMED_BODY.problem(
                    "The request body has the wrong JSON structure: expected a JSON object with the documented fields.");
        }
        if (error instanceof JsonParseException || error.getLocation() != null) {
            JsonLocation location = error.getLocation();
            String where = location == null || location.getLineNr() < 0
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return ProblemType.MALFORMED_BODY.problem("The request body is not valid JSON" + where + ".");
        }
        return ProblemType.MALFORMED_BODY.problem("The request body could not be read as JSON.");
    }

    /** Renders Jackson's reference path as {@code owner.items[2].name}. */
    private static String fieldPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
