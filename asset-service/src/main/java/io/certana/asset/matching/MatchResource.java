package io.certana.asset.matching;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The internal match API for verification-service. The platform's internal token filter admits
 * only callers with {@code X-Internal-Token}; the public ingress does not route {@code /internal/}.
 */
@Path("/internal/v1/matches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "internal")
public class MatchResource {

    private final CandidateSearch search;

    public MatchResource(CandidateSearch search) {
        this.search = search;
    }

    @POST
    @Operation(summary = "Find registered assets by content hash, watermark payloads, PDQ hashes and embeddings")
    public MatchResponse match(MatchRequest request) {
        return search.find(request);
    }
}
