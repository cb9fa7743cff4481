package io.certana.cli.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request to a Certana service failed: an error status, no connection, a timeout, or a response
 * that is not what the API describes. {@link #getMessage()} is a sentence for the user that names
 * the service and URL and, where one exists, the next step.
 */
public final class CertanaClientException extends Exception {

    /** Kind of failure. */
    public enum Failure {
        /** The service returned an error status; {@link #status()}, {@link #title()} and {@link #detail()} are set. */
        HTTP_STATUS,
        /** Nothing accepted the connection: the service is not running at that URL. */
        NOT_RUNNING,
        /** The host name could not be resolved. */
        UNKNOWN_HOST,
        /** No connection or no response within the time limit. */
        TIMEOUT,
        /** Another network failure, such as a reset connection. */
        NETWORK,
        /** A success status with a body that is not the JSON the API describes. */
        INVALID_RESPONSE,
        /** The request needs an API key and none is configured. */
        MISSING_API_KEY,
        /** The file to upload does not exist, is not a regular file, or cannot be read; nothing was sent. */
        FILE_NOT_READABLE,
        /** The calling thread was interrupted while it waited. */
        INTERRUPTED
    }

    private final Failure failure;
    private final Service service;
    private final URI uri;
    private final int status;
    private final String title;
    private final String detail;
    private final transient JsonNode problem;
    private final Duration retryAfter;

    private CertanaClientException(String message, Throwable cause, Failure failure, Service service, URI uri,
            int status, String title, String detail, JsonNode problem, Duration retryAfter) {
        super(message, cause);
        this.failure = failure;
        this.service = service;
        this.uri = uri;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /** Creates the exception for an error status, with the problem+json body when the service sent one. */
    static CertanaClientException httpStatus(Service service, String method, URI uri, int status, JsonNode problem,
            Duration retryAfter) {
        String title = problem == null ? null : text(problem, "title");
        String detail = problem == null ? null : text(problem, "detail");
        StringBuilder message = new StringBuilder(service.displayName()).append(" returned HTTP ").append(status);
        if (title != null) {
            message.append(' ').append(title);
        }
        message.append(" for ").append(method).append(' ').append(uri);
        if (detail != null) {
            message.append(": ").append(detail);
        }
        if (problem != null && problem.path("errors").isArray()) {
            for (JsonNode error : problem.path("errors")) {
                message.append(" [").append(error.path("field").asText("?")).append(": ")
                        .append(error.path("message").asText("")).append(']');
            }
        }
        if (!message.toString().endsWith(".")) {
            message.append('.');
        }
        if (status == 401) {
            message.append(" Check the API key: run certana login, or set ")
                    .append(SettingsResolver.API_KEY_VARIABLE).append('.');
        }
        if (retryAfter != null) {
            message.append(" Retry after ").append(retryAfter.toSeconds()).append(" s.");
        }
        return new CertanaClientException(message.toString(), null, Failure.HTTP_STATUS, service, uri, status, title,
                detail, problem, retryAfter);
    }

    /** Creates the exception for a request that got no HTTP response. */
    static CertanaClientException noResponse(Failure failure, Service service, URI uri, String message,
            Throwable cause) {
        return new CertanaClientException(message, cause, failure, service, uri, 0, null, null, null, null);
    }

    public Failure failure() {
        return failure;
    }

    /** Returns the service the request went to. */
    public Service service() {
        return service;
    }

    /** Returns the request's URL, or the service's base URL or null when no request was sent. */
    public URI uri() {
        return uri;
    }

    /** Returns the HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Returns the problem's {@code title}, when the service sent problem+json. */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** Returns the problem's {@code detail}, when the service sent problem+json. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** Returns the whole problem+json body, for extension members such as asset-service's {@code existingCid}. */
    public Optional<JsonNode> problem() {
        return Optional.ofNullable(problem);
    }

    /** Returns the {@code Retry-After} delay of a 429 (or 503) response. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
