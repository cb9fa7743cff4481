package io.certana.verification.matching;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** REST client for asset-service's internal match API; use it through {@link AssetMatchClient}. */
@Path("/internal/v1/matches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Internal-Token", value = "${certana.internal.token}")
public interface AssetMatchApi {

    @POST
    MatchResponse match(MatchRequest request);
}
