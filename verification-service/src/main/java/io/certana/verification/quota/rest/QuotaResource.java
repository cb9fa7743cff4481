package io.certana.verification.quota.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.platform.auth.CallerContext;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Scope;
import io.certana.verification.quota.QuotaService;
import io.certana.verification.ratelimit.ClientAddressResolver;
import io.certana.verification.verify.VerificationService;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The organization's usage and limits this month; counted against the caller's rate limits. */
@Path("/api/v1/quotas")
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "quotas")
public class QuotaResource {

    private final QuotaService quotas;
    private final VerificationService verifications;
    private final CallerContext callerContext;
    private final ClientAddressResolver clientAddresses;
    private final HttpServerRequest request;

    public QuotaResource(QuotaService quotas, VerificationService verifications, CallerContext callerContext,
            ClientAddressResolver clientAddresses, HttpServerRequest request) {
        this.quotas = quotas;
        this.verifications = verifications;
        this.callerContext = callerContext;
        this.clientAddresses = clientAddresses;
        this.request = request;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Uploads, verifications and stored bytes of the current month with their limits")
    public QuotaView get() {
        verifications.checkRateLimit(callerContext.requireCaller(), clientAddresses.resolve(request));
        OrganizationAccess access = callerContext.requireOrganization();
        if (!access.has(Scope.READ) && !access.has(Scope.VERIFY)) {
            callerContext.requireScope(Scope.READ);
        }
        return QuotaView.of(quotas.current(access.organizationId()));
    }
}
