package io.certana.platform.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An authentication attempt with an API key, passed from the HTTP mechanism to the identity provider. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String apiKey;

    public ApiKeyAuthenticationRequest(String apiKey) {
        this.apiKey = apiKey;
    }

    public String apiKey() {
        return apiKey;
    }
}
