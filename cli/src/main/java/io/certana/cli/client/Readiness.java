package io.certana.cli.client;

/** The state of a service as its readiness check {@code GET /q/health/ready} reports it. */
public enum Readiness {
    /** The check returned 200. */
    READY,
    /** The service responded with another status, such as 503 while its database is unreachable. */
    NOT_READY,
    /** No HTTP response: nothing listens at the URL, the host is unknown, or the request timed out. */
    NOT_REACHABLE
}
