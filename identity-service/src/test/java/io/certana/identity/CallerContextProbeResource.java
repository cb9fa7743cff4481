package io.certana.identity;

import java.util.Map;
import java.util.stream.Collectors;

import io.certana.platform.auth.CallerContext;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Scope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoint that checks a scope the way asset-service and verification-service do: the
 * organization comes from the API key or from the {@code X-Organization-Id} header.
 */
@Path("/test-support/caller/{scope}")
@Produces(MediaType.APPLICATION_JSON)
public class CallerContextProbeResource {

    private final CallerContext callerContext;

    public CallerContextProbeResource(CallerContext callerContext) {
        this.callerContext = callerContext;
    }

    @GET
    public Map<String, Object> check(@PathParam("scope") String scope) {
        OrganizationAccess access = callerContext.requireScope(Scope.parse(scope).orElseThrow());
        return Map.of(
                "organizationId", access.organizationId().toString(),
                "role", access.memberRole().map(role -> role.wireName()).orElse("none"),
                "scopes", access.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(",")),
                "apiKey", callerContext.requireCaller().isApiKey());
    }
}
