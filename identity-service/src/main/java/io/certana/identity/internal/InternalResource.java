package io.certana.identity.internal;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.identity.apikey.service.ApiKeyService;
import io.certana.identity.organization.Organization;
import io.certana.identity.organization.service.MemberService;
import io.certana.identity.organization.service.OrganizationService;
import io.certana.platform.auth.ApiKeyIntrospection;
import io.certana.platform.auth.Role;
import io.certana.platform.internal.IntrospectionRequest;
import io.certana.platform.internal.MembershipView;
import io.certana.platform.internal.OrganizationView;
import io.certana.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Endpoints for the other Certana services. The platform's internal token filter admits only
 * callers that send {@code X-Internal-Token}; the public ingress does not route these paths.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "internal")
public class InternalResource {

    private final ApiKeyService keys;
    private final OrganizationService organizations;
    private final MemberService members;

    public InternalResource(ApiKeyService keys, OrganizationService organizations, MemberService members) {
        this.keys = keys;
        this.organizations = organizations;
        this.members = members;
    }

    @POST
    @Path("/api-keys/introspect")
    @Operation(summary = "Resolve an API key; unknown, revoked and expired keys are inactive")
    public ApiKeyIntrospection introspect(@Valid @NotNull IntrospectionRequest body) {
        return keys.introspect(body.key());
    }

    @GET
    @Path("/organizations/{orgId}/members/{userId}")
    @Operation(summary = "A user's role in an organization, 404 when not a member")
    public MembershipView membership(@PathParam("orgId") UUID organizationId, @PathParam("userId") UUID userId) {
        return members.find(organizationId, userId)
                .map(member -> new MembershipView(organizationId, userId, Role.parse(member.role()).orElseThrow()))
                .orElseThrow(() -> ProblemException.notFound("User " + userId + " is not a member of organization "
                        + organizationId + "."));
    }

    @GET
    @Path("/organizations/{orgId}")
    @Operation(summary = "An organization's plan limits and signing key reference")
    public OrganizationView organization(@PathParam("orgId") UUID organizationId) {
        Organization organization = organizations.find(organizationId)
                .orElseThrow(() -> ProblemException.notFound("Organization " + organizationId + " not found."));
        return new OrganizationView(organization.id, organization.name, organization.slug, organization.plan,
                organization.maxUsers, organization.maxAssets, organization.maxVerificationsPerDay,
                organization.masterKeyRef);
    }
}
