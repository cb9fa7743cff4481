package io.certana.asset;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

import jakarta.ws.rs.core.Application;

/** OpenAPI description of asset-service (served at {@code /q/openapi}) and its authentication schemes. */
@OpenAPIDefinition(info = @Info(title = "Certana asset-service", version = "0.1.0",
        description = "Registration of images: uploads, watermarks, fingerprints and signed commitments."))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT or cert_pk_ API key",
                description = "An access token from identity-service's login, or an API key."),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key", description = "An API key (cert_pk_...).")
})
public class AssetOpenApi extends Application {
}
