package io.certana.identity.organization.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.identity.organization.Organization;
import io.certana.identity.organization.service.MemberService;
import io.certana.identity.organization.service.OrganizationService;
import io.certana.platform.auth.Caller;
import io.certana.platform.auth.CallerContext;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Scope;
import io.certana.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Organizations and their members. Another organization's resources return 404. */
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "organizations")
public class OrganizationResource {

    private final OrganizationService organizations;
    private final MemberService members;
    private final CallerContext callerContext;

    public OrganizationResource(OrganizationService organizations, MemberService members, CallerContext callerContext) {
        this.organizations = organizations;
        this.members = members;
        this.callerContext = callerContext;
    }

    @POST
    @Operation(summary = "Create an organization; the caller becomes its owner")
    public Response create(@Valid @NotNull CreateOrganizationRequest body) {
        Caller caller = requireUser();
        Organization organization = organizations.create(caller.userId(), body);
        return Response.created(URI.create("/api/v1/organizations/" + organization.id))
                .entity(OrganizationDetails.of(organization))
                .build();
    }

    @GET
    @Path("/{orgId}")
    @Operation(summary = "Read an organization; members and the organization's API keys only")
    public OrganizationDetails get(@PathParam("orgId") UUID organizationId) {
        callerContext.requireScope(organizationId, Scope.READ);
        return organizations.find(organizationId).map(OrganizationDetails::of)
                .orElseThrow(() -> ProblemException.notFound("Organization " + organizationId + " not found."));
    }

    @POST
    @Path("/{orgId}/members")
    @Operation(summary = "Add a verified user as admin, member or viewer; owners and admins only")
    public Response addMember(@PathParam("orgId") UUID organizationId, @Valid @NotNull AddMemberRequest body) {
        OrganizationAccess access = callerContext.requireScope(organizationId, Scope.ADMIN);
        MemberView member = members.add(access.organizationId(), body, callerContext.requireCaller().userId());
        return Response.created(URI.create("/api/v1/organizations/" + organizationId + "/members/" + member.userId()))
                .entity(member)
                .build();
    }

    @GET
    @Path("/{orgId}/members")
    @Operation(summary = "List the members of an organization")
    public List<MemberView> listMembers(@PathParam("orgId") UUID organizationId) {
        callerContext.requireScope(organizationId, Scope.READ);
        return members.list(organizationId);
    }

    @GET
    @Path("/{orgId}/members/{userId}")
    @Operation(summary = "Read one member of an organization")
    public MemberView getMember(@PathParam("orgId") UUID organizationId, @PathParam("userId") UUID userId) {
        callerContext.requireScope(organizationId, Scope.READ);
        return members.find(organizationId, userId)
                .orElseThrow(() -> ProblemException.notFound("User " + userId + " is not a member of this organization."));
    }

    private Caller requireUser() {
        Caller caller = callerContext.requireCaller();
        if (caller.isApiKey()) {
            throw ProblemException.forbidden("Creating organizations needs a user access token, not an API key.");
        }
        return caller;
    }
}
