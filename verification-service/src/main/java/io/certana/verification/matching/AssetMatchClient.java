package io.certana.verification.matching;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.certana.platform.internal.InternalConfig;
import io.certana.platform.problem.ProblemException;
import io.certana.verification.config.VerificationConfig;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * Calls asset-service's match API with the internal token and the platform's timeouts, retrying
 * once on connection failures, because the call only reads. A 404 is read as "no candidates".
 * Every other failure becomes a 503 problem, so a client never sees asset-service's own errors.
 */
@ApplicationScoped
public class AssetMatchClient {

    private final AssetMatchApi api;
    private final String baseUrl;

    public AssetMatchClient(VerificationConfig config, InternalConfig internal) {
        this.baseUrl = config.assetUrl().toString();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.assetUrl())
                .connectTimeout(internal.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(internal.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(AssetMatchApi.class);
    }

    /**
     * Returns the candidates for the probes.
     *
     * @param verificationId the verification the call belongs to, for the log
     * @throws ProblemException 503 when asset-service cannot be reached or fails
     */
    public MatchResponse match(MatchRequest request, UUID verificationId) {
        for (int attempt = 1; ; attempt++) {
            try {
                MatchResponse response = api.match(request);
                return response == null ? new MatchResponse(null) : response;
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 404) {
                    return new MatchResponse(null);
                }
                Log.errorf("Verification %s: asset-service at %s returned HTTP %d to the match request", verificationId,
                        baseUrl, status);
                throw unavailable();
            } catch (ProcessingException e) {
                if (attempt == 1) {
                    Log.warnf("Verification %s: retrying the match request to %s: %s", verificationId, baseUrl,
                            e.getMessage());
                    continue;
                }
                Log.errorf("Verification %s: the match request to %s failed after %d attempts: %s", verificationId,
                        baseUrl, attempt, e.getMessage());
                throw unavailable();
            }
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.serviceUnavailable(
                "The asset registry is unavailable, so the image could not be compared with registered images. "
                        + "Nothing was counted; try again shortly.");
    }
}
