package io.certana.verification.log.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.platform.auth.CallerContext;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Scope;
import io.certana.platform.problem.ProblemException;
import io.certana.verification.log.VerificationLogRepository;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The organization's verification logs: the verifications made with its API keys or by its members
 * on its behalf. Reading needs scope {@code read} or {@code verify}; another organization's log is 404.
 */
@Path("/api/v1/verifications")
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "verification")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationLogResource {

    static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> VERDICTS = Set.of("authentic", "forged", "unknown");

    private final VerificationLogRepository logs;
    private final CallerContext callerContext;

    public VerificationLogResource(VerificationLogRepository logs, CallerContext callerContext) {
        this.logs = logs;
        this.callerContext = callerContext;
    }

    @GET
    @Transactional
    @Operation(summary = "List the organization's verifications, newest first; page starts at 0, "
            + "from and to are RFC 3339 times")
    public VerificationLogPage list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size, @QueryParam("verdict") String verdict,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        UUID organizationId = readAccess().organizationId();
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        String verdictFilter = null;
        if (verdict != null && !verdict.isBlank()) {
            verdictFilter = verdict.trim().toLowerCase(Locale.ROOT);
            if (!VERDICTS.contains(verdictFilter)) {
                throw ProblemException.invalidField("verdict", "must be one of authentic, forged, unknown");
            }
        }
        Instant fromTime = parseTime("from", from);
        Instant toTime = parseTime("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw ProblemException.invalidField("to", "must be later than from");
        }
        VerificationLogRepository.Slice slice = logs.list(organizationId, verdictFilter, fromTime, toTime, page, size);
        return new VerificationLogPage(slice.items().stream().map(VerificationLogView::of).toList(), page, size,
                slice.total());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Read one verification of the organization")
    public VerificationLogView get(@PathParam("id") UUID id) {
        UUID organizationId = readAccess().organizationId();
        return logs.findInOrganization(organizationId, id).map(VerificationLogView::of)
                .orElseThrow(() -> ProblemException.notFound("Verification " + id + " not found."));
    }

    private OrganizationAccess readAccess() {
        OrganizationAccess access = callerContext.requireOrganization();
        if (!access.has(Scope.READ) && !access.has(Scope.VERIFY)) {
            callerContext.requireScope(Scope.READ);
        }
        return access;
    }

    private static Instant parseTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an RFC 3339 time such as 2026-12-01T00:00:00Z");
        }
    }
}
