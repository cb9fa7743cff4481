package io.certana.verification.verify.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.certana.platform.auth.Caller;
import io.certana.platform.auth.CallerContext;
import io.certana.platform.auth.Scope;
import io.certana.platform.problem.ProblemException;
import io.certana.verification.ratelimit.ClientAddressResolver;
import io.certana.verification.verify.VerificationResult;
import io.certana.verification.verify.VerificationService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Verification of a suspect copy. Open to anonymous callers under a per-address limit; an API key
 * needs scope {@code verify}, and a user names the organization in {@code X-Organization-Id} and
 * needs a role that grants {@code verify}. Authenticated verifications count against the
 * organization's monthly quota; every request counts against the caller's rate limits
 * ({@link io.certana.verification.ratelimit.RateLimitFilter}).
 */
@Path("/api/v1/verify")
@Tag(name = "verification")
public class VerifyResource {

    private final VerificationService verifications;
    private final CallerContext callerContext;
    private final ClientAddressResolver clientAddresses;
    private final HttpServerRequest request;

    public VerifyResource(VerificationService verifications, CallerContext callerContext,
            ClientAddressResolver clientAddresses, HttpServerRequest request) {
        this.verifications = verifications;
        this.callerContext = callerContext;
        this.clientAddresses = clientAddresses;
        this.request = request;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Verify an image: verdict authentic, forged or unknown, with the evidence behind it")
    public VerificationResult verify(@RestForm("file") FileUpload file) {
        // Invalid credentials give 401 here; no credentials at all make an anonymous caller.
        Caller caller = callerContext.currentCaller().orElse(null);
        String clientAddress = clientAddresses.resolve(request);
        UUID organizationId = caller == null ? null : callerContext.requireScope(Scope.VERIFY).organizationId();
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalidField("file",
                    "is required: send the image as a multipart/form-data part named 'file'");
        }
        return verifications.verify(new VerificationService.Submission(file.uploadedFile(), caller, organizationId,
                clientAddress, request.getHeader("User-Agent")));
    }
}
