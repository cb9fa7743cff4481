package io.certana.identity.apikey.service;

import io.certana.platform.auth.ApiKeyIntrospection;
import io.certana.platform.auth.ApiKeyIntrospector;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Replaces the platform's REST-based introspector inside identity-service: keys are read straight
 * from the database without a cache, so a revocation applies to the next request.
 */
@ApplicationScoped
public class LocalApiKeyIntrospector implements ApiKeyIntrospector {

    private final ApiKeyService keys;

    public LocalApiKeyIntrospector(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public ApiKeyIntrospection introspect(String apiKey) {
        return keys.introspect(apiKey);
    }
}
