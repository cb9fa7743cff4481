package io.certana.platform.auth;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an API key into a security identity through the {@link ApiKeyIntrospector}. An unknown,
 * revoked or expired key fails authentication (401). The identity's roles are the key's scopes.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyIntrospector introspector;

    public ApiKeyIdentityProvider(ApiKeyIntrospector introspector) {
        this.introspector = introspector;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> resolve(request.apiKey()));
    }

    private SecurityIdentity resolve(String apiKey) {
        if (!ApiKeys.hasKeyShape(apiKey)) {
            throw new AuthenticationFailedException("API key has the wrong format");
        }
        ApiKeyIntrospection key = introspector.introspect(apiKey);
        if (!key.active()) {
            Log.debug("Rejected an unknown, revoked or expired API key");
            throw new AuthenticationFailedException("API key is not active");
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new ApiKeyPrincipal(key));
        if (key.scopes() != null) {
            key.scopes().forEach(identity::addRole);
        }
        return identity.build();
    }
}
