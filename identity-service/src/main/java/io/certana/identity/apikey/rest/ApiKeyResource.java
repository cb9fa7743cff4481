package io.certana.identity.apikey.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.identity.apikey.service.ApiKeyService;
import io.certana.platform.auth.CallerContext;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Scope;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** API keys of an organization; managing them needs the admin scope (owners and admins). */
@Path("/api/v1/organizations/{orgId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "api-keys")
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final CallerContext callerContext;

    public ApiKeyResource(ApiKeyService keys, CallerContext callerContext) {
        this.keys = keys;
        this.callerContext = callerContext;
    }

    @POST
    @Operation(summary = "Create an API key; the key appears in this response only")
    public Response create(@PathParam("orgId") UUID organizationId, @Valid @NotNull CreateApiKeyRequest body) {
        OrganizationAccess access = callerContext.requireScope(organizationId, Scope.ADMIN);
        CreatedApiKeyView created = keys.create(access, callerContext.requireCaller().userId(), body);
        return Response.created(URI.create("/api/v1/organizations/" + organizationId + "/api-keys/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List the organization's API keys, without the keys themselves")
    public List<ApiKeyView> list(@PathParam("orgId") UUID organizationId) {
        callerContext.requireScope(organizationId, Scope.ADMIN);
        return keys.list(organizationId);
    }

    @GET
    @Path("/{keyId}")
    @Operation(summary = "Read one API key, without the key itself")
    public ApiKeyView get(@PathParam("orgId") UUID organizationId, @PathParam("keyId") UUID keyId) {
        callerContext.requireScope(organizationId, Scope.ADMIN);
        return keys.find(organizationId, keyId);
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Revoke an API key")
    public Response revoke(@PathParam("orgId") UUID organizationId, @PathParam("keyId") UUID keyId) {
        callerContext.requireScope(organizationId, Scope.ADMIN);
        keys.revoke(organizationId, keyId, callerContext.requireCaller().userId());
        return Response.noContent().build();
    }
}
