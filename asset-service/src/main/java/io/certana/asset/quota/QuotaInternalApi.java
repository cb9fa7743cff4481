package io.certana.asset.quota;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** REST client for verification-service's quota endpoints; use it through {@link QuotaClient}. */
@Path("/internal/v1/quotas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Internal-Token", value = "${certana.internal.token}")
public interface QuotaInternalApi {

    @POST
    @Path("/{organizationId}/reserve")
    QuotaGrant reserve(@PathParam("organizationId") UUID organizationId, QuotaRequest request);

    @POST
    @Path("/{organizationId}/release")
    QuotaGrant release(@PathParam("organizationId") UUID organizationId, QuotaRequest request);
}
