package io.certana.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;

/**
 * Maps Bean Validation failures on request parameters and bodies to a 400 problem that lists each
 * invalid field. A violation on a return value is a server bug and gives 500.
 */
public class ValidationProblems {

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException error, HttpServerRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : error.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return UnexpectedExceptionMapper.serverError(error, request);
            }
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));

        String detail = errors.size() == 1
                ? "The request contains an invalid value: " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : "The request contains " + errors.size() + " invalid values; see errors.";
        Problem base = ProblemType.VALIDATION_FAILED.problem(detail);
        Problem problem = new Problem(base.type(), base.title(), base.status(), base.detail(), null, errors, null);
        return ProblemResponses.toResponse(problem, request.path());
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops the method and parameter nodes of a method-validation path, so
     * {@code signup.request.email} becomes {@code email}. A violation on the parameter itself (a
     * missing body) keeps the parameter name.
     */
    static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    // Container element nodes carry names such as "<list element>", which mean nothing to a client.
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return field.toString();
    }
}
