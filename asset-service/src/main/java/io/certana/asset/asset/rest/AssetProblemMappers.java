package io.certana.asset.asset.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.certana.asset.asset.service.AlreadyRegisteredException;
import io.certana.asset.quota.QuotaExceededException;
import io.certana.asset.quota.QuotaUnavailableException;
import io.certana.platform.problem.Problem;
import io.certana.platform.problem.ProblemResponses;
import io.certana.platform.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/** Problem+json responses for asset-service's own exceptions. */
public class AssetProblemMappers {

    /**
     * The 409 body: the RFC 9457 members plus the extension member {@code existingCid}.
     *
     * @param existingCid raw CIDv1 of the bytes as the existing asset records them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlreadyRegisteredProblem(String type, String title, int status, String detail, String instance,
            String existingCid) {
    }

    @ServerExceptionMapper
    public Response alreadyRegistered(AlreadyRegisteredException error, HttpServerRequest request) {
        AlreadyRegisteredProblem body = new AlreadyRegisteredProblem(ProblemType.BASE_URI + AlreadyRegisteredException.SLUG,
                "Asset already registered", 409, error.getMessage(), request.path(), error.existingCid());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response quotaExceeded(QuotaExceededException error, HttpServerRequest request) {
        Map<String, String> headers = new LinkedHashMap<>(error.rateLimitHeaders());
        headers.put("Retry-After", Long.toString(error.retryAfterSeconds()));
        return ProblemResponses.toResponse(ProblemType.RATE_LIMITED.problem(error.detail()), request.path(), headers);
    }

    @ServerExceptionMapper
    public Response quotaUnavailable(QuotaUnavailableException error, HttpServerRequest request) {
        return ProblemResponses.toResponse(ProblemType.SERVICE_UNAVAILABLE.problem(
                "The quota service is unavailable, so the upload could not be counted and nothing was stored. "
                        + "Try again shortly."), request.path(), Map.of("Retry-After", "30"));
    }
}
