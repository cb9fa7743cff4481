package io.certana.asset.asset.rest;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.certana.asset.asset.ProcessingStatus;
import io.certana.asset.asset.service.AssetDeletion;
import io.certana.asset.asset.service.AssetQueries;
import io.certana.asset.asset.service.Download;
import io.certana.asset.asset.service.NewUpload;
import io.certana.asset.asset.service.RegistrationOutcome;
import io.certana.asset.asset.service.RegistrationService;
import io.certana.asset.commitment.CommitmentView;
import io.certana.platform.auth.CallerContext;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Scope;
import io.certana.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The organization's assets. Uploading and deleting need scope {@code write}, reading needs
 * {@code read}. Another organization's asset gets 404.
 */
@Path("/api/v1/assets")
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "assets")
public class AssetResource {

    /** Upper bounds on the descriptive fields of an upload. */
    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_TAGS = 32;
    static final int MAX_TAG = 64;
    static final int MAX_FILENAME = 500;
    static final int MAX_PAGE_SIZE = 100;

    private final RegistrationService registration;
    private final AssetQueries queries;
    private final AssetDeletion deletion;
    private final CallerContext callerContext;

    public AssetResource(RegistrationService registration, AssetQueries queries, AssetDeletion deletion,
            CallerContext callerContext) {
        this.registration = registration;
        this.queries = queries;
        this.deletion = deletion;
        this.callerContext = callerContext;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an image: 202 and a queued registration, or 200 with the organization's "
            + "existing asset for the same bytes; 409 when another organization registered them")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("title") String title,
            @RestForm("description") String description, @RestForm("tags") List<String> tags) throws IOException {
        OrganizationAccess access = callerContext.requireScope(Scope.WRITE);
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalidField("file",
                    "is required: send the image as a multipart/form-data part named 'file'");
        }
        NewUpload upload = new NewUpload(file.uploadedFile(), fileName(file.fileName()),
                optionalText("title", title, MAX_TITLE), optionalText("description", description, MAX_DESCRIPTION),
                parseTags(tags));
        RegistrationOutcome outcome = registration.register(access, callerContext.requireCaller(), upload);
        URI location = URI.create("/api/v1/assets/" + outcome.asset().id);
        return Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(location)
                .entity(AssetViews.accepted(outcome.asset()))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the organization's assets, newest first; page starts at 0")
    public AssetPage list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size, @QueryParam("status") String status,
            @QueryParam("tag") String tag) {
        OrganizationAccess access = callerContext.requireScope(Scope.READ);
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        ProcessingStatus statusFilter = null;
        if (status != null && !status.isBlank()) {
            statusFilter = ProcessingStatus.parse(status).orElseThrow(() -> ProblemException.invalidField("status",
                    "must be one of pending, processing, completed, failed"));
        }
        String tagFilter = tag == null || tag.isBlank() ? null : tag.trim();
        return queries.list(access.organizationId(), statusFilter, tagFilter, page, size);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read one asset with its watermark, fingerprint, commitment and metadata")
    public AssetView get(@PathParam("id") UUID id) {
        return queries.find(callerContext.requireScope(Scope.READ).organizationId(), id);
    }

    @GET
    @Path("/{id}/original")
    @Operation(summary = "Download the uploaded bytes")
    public Response original(@PathParam("id") UUID id) throws IOException {
        return download(queries.original(callerContext.requireScope(Scope.READ).organizationId(), id));
    }

    @GET
    @Path("/{id}/watermarked")
    @Operation(summary = "Download the watermarked image; 409 until processingStatus is completed")
    public Response watermarked(@PathParam("id") UUID id) throws IOException {
        return download(queries.watermarked(callerContext.requireScope(Scope.READ).organizationId(), id));
    }

    @GET
    @Path("/{id}/commitment")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed commitment with the organization's public key; 409 until it is signed")
    public CommitmentView commitment(@PathParam("id") UUID id) {
        return queries.commitment(callerContext.requireScope(Scope.READ).organizationId(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an asset, its stored files and its registration records")
    public Response delete(@PathParam("id") UUID id) {
        deletion.delete(callerContext.requireScope(Scope.WRITE).organizationId(), id);
        return Response.noContent().build();
    }

    private static Response download(Download file) {
        return Response.ok(file.content(), file.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, file.size())
                .header(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw ProblemException.invalidField(field, "must have at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /** Accepts repeated {@code tags} parts, each of which may hold comma-separated tags. */
    private static List<String> parseTags(List<String> parts) {
        Set<String> tags = new LinkedHashSet<>();
        if (parts != null) {
            for (String part : parts) {
                for (String tag : part.split(",")) {
                    String trimmed = tag.trim();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (trimmed.length() > MAX_TAG) {
                        throw ProblemException.invalidField("tags", "each tag must have at most " + MAX_TAG + " characters");
                    }
                    tags.add(trimmed);
                }
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw ProblemException.invalidField("tags", "at most " + MAX_TAGS + " tags are allowed");
        }
        return List.copyOf(tags);
    }

    /** Keeps the client's file name for display only: control characters removed, length bounded. */
    private static String fileName(String name) {
        if (name == null) {
            return null;
        }
        String cleaned = name.replaceAll("[\\p{Cntrl}]", "").trim();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.length() > MAX_FILENAME ? cleaned.substring(0, MAX_FILENAME) : cleaned;
    }
}
