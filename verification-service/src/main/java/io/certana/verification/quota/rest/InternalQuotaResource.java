package io.certana.verification.quota.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.platform.problem.ProblemException;
import io.certana.verification.quota.QuotaRepository;
import io.certana.verification.quota.QuotaService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The quota contract asset-service calls (docs/assets.md) and the operators' overrides. The
 * platform's internal token filter admits only callers with {@code X-Internal-Token}; the public
 * ingress does not route {@code /internal/}.
 */
@Path("/internal/v1/quotas/{organizationId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "internal")
public class InternalQuotaResource {

    private final QuotaService quotas;

    public InternalQuotaResource(QuotaService quotas) {
        this.quotas = quotas;
    }

    @POST
    @Path("/reserve")
    @Operation(summary = "Count uploads and stored bytes if they fit; 429 and nothing counted when a limit would pass")
    public QuotaGrantView reserve(@PathParam("organizationId") UUID organizationId,
            @Valid @NotNull QuotaChange change) {
        return new QuotaGrantView(true, QuotaView.of(
                quotas.reserve(organizationId, change.uploads(), change.storageBytes(), change.assetId())));
    }

    @POST
    @Path("/release")
    @Operation(summary = "Subtract uploads and stored bytes, never below zero")
    public QuotaGrantView release(@PathParam("organizationId") UUID organizationId,
            @Valid @NotNull QuotaChange change) {
        return new QuotaGrantView(true, QuotaView.of(
                quotas.release(organizationId, change.uploads(), change.storageBytes(), change.assetId())));
    }

    @GET
    @Operation(summary = "The organization's usage and limits this month")
    public QuotaView get(@PathParam("organizationId") UUID organizationId) {
        return QuotaView.of(quotas.current(organizationId));
    }

    @PUT
    @Path("/override")
    @Operation(summary = "Replace the plan's limits for this organization; missing fields keep the plan's")
    public QuotaView setOverride(@PathParam("organizationId") UUID organizationId,
            @Valid @NotNull QuotaOverrideRequest request) {
        quotas.setOverride(organizationId,
                new QuotaRepository.Override(request.uploads(), request.verifications(), request.storageBytes()));
        return QuotaView.of(quotas.current(organizationId));
    }

    @DELETE
    @Path("/override")
    @Operation(summary = "Return to the plan's limits")
    public Response clearOverride(@PathParam("organizationId") UUID organizationId) {
        if (!quotas.clearOverride(organizationId)) {
            throw ProblemException.notFound("Organization " + organizationId + " has no quota override.");
        }
        return Response.noContent().build();
    }
}
