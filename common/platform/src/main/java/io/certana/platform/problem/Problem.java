package io.certana.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, the body of every error response of the Certana services.
 *
 * @param type URI that names the kind of problem, {@code https://certana.io/problems/<slug>}
 * @param title short summary of the problem type, the same for every occurrence
 * @param status HTTP status code of the response
 * @param detail explanation of this occurrence, safe to show to the client
 * @param instance request path that produced the problem
 * @param errors invalid fields, present on validation problems only
 * @param errorId identifier of a server error, also written to the service log with the stack trace
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String errorId) {

    /** Media type of problem responses (RFC 9457, section 3). */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid input value.
     *
     * @param field path of the field in the request, such as {@code email} or {@code scopes[1]}
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }

    /** Returns a copy of this problem with its {@code instance} set to the request path. */
    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, errorId);
    }
}
