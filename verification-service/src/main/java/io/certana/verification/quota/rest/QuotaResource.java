package io.certana.verification.quota.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.platform.auth.CallerContext;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Scope;
import io.certana.verification.quota.QuotaService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The organization's usage and limits this month. */
@Path("/api/v1/quotas")
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "quotas")
public class QuotaResource {

    private final QuotaService quotas;
    private final CallerContext callerContext;

    public QuotaResource(QuotaService quotas, CallerContext callerContext) {
        this.quotas = quotas;
        this.callerContext = callerContext;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Uploads, verifications and stored bytes of the current month with their limits")
    public QuotaView get() {
        OrganizationAccess access = callerContext.requireOrganization();
        if (!access.has(Scope.READ) && !access.has(Scope.VERIFY)) {
            callerContext.requireScope(Scope.READ);
        }
        return QuotaView.of(quotas.current(access.organizationId()));
    }
}
