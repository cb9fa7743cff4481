package io.certana.identity.user.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.identity.user.service.ProfileService;
import io.certana.platform.auth.Caller;
import io.certana.platform.auth.CallerContext;
import io.certana.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The logged-in user's own account. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "users")
public class UserResource {

    private final ProfileService profiles;
    private final CallerContext callerContext;

    public UserResource(ProfileService profiles, CallerContext callerContext) {
        this.profiles = profiles;
        this.callerContext = callerContext;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller's account and organizations")
    public UserView me() {
        Caller caller = callerContext.requireCaller();
        if (caller.isApiKey()) {
            throw ProblemException.forbidden("This endpoint needs a user access token, not an API key.");
        }
        return profiles.find(caller.userId()).orElseThrow(() -> ProblemException.unauthorized(
                "The account of this access token no longer exists."));
    }
}
