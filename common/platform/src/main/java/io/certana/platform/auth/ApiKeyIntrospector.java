package io.certana.platform.auth;

/**
 * Resolves an API key to its organization and scopes. The default implementation calls
 * identity-service and caches responses briefly; identity-service replaces it with one that reads
 * its own database.
 */
public interface ApiKeyIntrospector {

    /**
     * Looks up a full API key. Blocking: called on a worker thread.
     *
     * @return the key's state, {@link ApiKeyIntrospection#inactive()} for an unknown, revoked or expired key
     * @throws io.certana.platform.problem.ProblemException 503 when identity-service cannot be reached
     */
    ApiKeyIntrospection introspect(String apiKey);
}
