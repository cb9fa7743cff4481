package io.certana.platform.auth;

import java.security.Principal;

/** The principal of a request authenticated with an API key; its name is the key id. */
public record ApiKeyPrincipal(ApiKeyIntrospection key) implements Principal {

    @Override
    public String getName() {
        return key.keyId().toString();
    }
}
