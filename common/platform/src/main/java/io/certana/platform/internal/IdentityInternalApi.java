package io.certana.platform.internal;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

import io.certana.platform.auth.ApiKeyIntrospection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** REST client for identity-service's internal API; use it through {@link IdentityClient}. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = InternalToken.HEADER, value = "${certana.internal.token}")
public interface IdentityInternalApi {

    @POST
    @Path("/api-keys/introspect")
    ApiKeyIntrospection introspect(IntrospectionRequest request);

    @GET
    @Path("/organizations/{organizationId}/members/{userId}")
    MembershipView membership(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId);

    @GET
    @Path("/organizations/{organizationId}")
    OrganizationView organization(@PathParam("organizationId") UUID organizationId);
}
