package io.certana.verification;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

import jakarta.ws.rs.core.Application;

/** OpenAPI description of verification-service (served at {@code /q/openapi}) and its authentication schemes. */
@OpenAPIDefinition(info = @Info(title = "Certana verification-service", version = "0.1.0",
        description = "Verification of suspect copies: verdicts with evidence, verification logs, quotas."))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT or cert_pk_ API key",
                description = "An access token from identity-service's login, or an API key. POST /api/v1/verify "
                        + "also accepts requests without credentials."),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key", description = "An API key (cert_pk_...).")
})
public class VerificationOpenApi extends Application {
}
