package io.certana.asset.anchor.rest;

import java.util.HexFormat;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.asset.anchor.local.LogProofs;
import io.certana.platform.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The public, unauthenticated endpoints of the transparency log that the local backend anchors
 * batch roots in: signed tree heads, consistency proofs and inclusion proofs.
 */
@Path("/api/v1/transparency-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transparency log")
public class TransparencyLogResource {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final LogProofs proofs;

    public TransparencyLogResource(LogProofs proofs) {
        this.proofs = proofs;
    }

    @GET
    @Path("/tree-head")
    @Operation(summary = "The latest signed tree head and the log's public key; 404 while the log is empty")
    public TransparencyLogViews.TreeHeadView treeHead() {
        return proofs.latestTreeHead();
    }

    @GET
    @Path("/tree-heads/{treeSize}")
    @Operation(summary = "The signed tree head of one size, if the log signed that size")
    public TransparencyLogViews.TreeHeadView treeHead(@PathParam("treeSize") String treeSize) {
        return proofs.treeHead(number("treeSize", treeSize, true));
    }

    @GET
    @Path("/consistency")
    @Operation(summary = "Proof that the tree of first entries is a prefix of the tree of second entries "
            + "(second defaults to the latest signed tree head)")
    public TransparencyLogViews.ConsistencyView consistency(@QueryParam("first") String first,
            @QueryParam("second") String second) {
        return proofs.consistency(number("first", first, true), number("second", second, false));
    }

    @GET
    @Path("/inclusion")
    @Operation(summary = "Audit path of an entry, by leafIndex or batchRoot, in the tree of treeSize entries "
            + "(default: the latest signed tree head)")
    public TransparencyLogViews.InclusionView inclusion(@QueryParam("leafIndex") String leafIndex,
            @QueryParam("batchRoot") String batchRoot, @QueryParam("treeSize") String treeSize) {
        boolean byIndex = leafIndex != null && !leafIndex.isBlank();
        boolean byRoot = batchRoot != null && !batchRoot.isBlank();
        if (byIndex == byRoot) {
            throw ProblemException.invalidField("leafIndex", "send exactly one of leafIndex and batchRoot");
        }
        byte[] root = null;
        if (byRoot) {
            if (!HASH.matcher(batchRoot).matches()) {
                throw ProblemException.invalidField("batchRoot", "must be 64 lower-case hex digits");
            }
            root = HexFormat.of().parseHex(batchRoot);
        }
        return proofs.inclusion(byIndex ? number("leafIndex", leafIndex, true) : null, root,
                number("treeSize", treeSize, false));
    }

    private static Long number(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalidField(field, "is required");
            }
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw ProblemException.invalidField(field, "must be 0 or more");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be a whole number, got '" + value + "'");
        }
    }
}
