package io.certana.identity;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

import jakarta.ws.rs.core.Application;

/**
 * OpenAPI description of identity-service (served at {@code /q/openapi}): the two ways to
 * authenticate that the resources refer to.
 */
@OpenAPIDefinition(info = @Info(title = "Certana identity-service", version = "0.1.0",
        description = "Users, organizations, members, API keys and login."))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT or cert_pk_ API key",
                description = "An access token from POST /api/v1/auth/login, or an API key."),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key", description = "An API key (cert_pk_...).")
})
public class IdentityOpenApi extends Application {
}
