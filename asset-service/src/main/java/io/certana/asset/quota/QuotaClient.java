package io.certana.asset.quota;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.certana.asset.config.AssetConfig;
import io.certana.platform.internal.InternalConfig;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Reserves and releases upload and storage quota in verification-service, which keeps the
 * organizations' counters. With {@code certana.asset.quota.enabled=false} (tests and local
 * development only) every call is granted without a request.
 *
 * <p>A reservation is not idempotent, so it is sent again only when the connection was refused
 * (the request never arrived). A release is retried once on any failure.
 */
@ApplicationScoped
public class QuotaClient {

    private static final String[] RATE_LIMIT_HEADERS = {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean enabled;
    private final String baseUrl;
    private final QuotaInternalApi api;

    public QuotaClient(AssetConfig config, InternalConfig internal) {
        this.enabled = config.quota().enabled();
        this.baseUrl = config.quota().verificationUrl().toString();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.quota().verificationUrl())
                .connectTimeout(internal.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(internal.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(QuotaInternalApi.class);
        if (!enabled) {
            Log.warn("Quota checks are off (certana.asset.quota.enabled=false): uploads are not counted. "
                    + "Use this only in tests and local development.");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Reserves quota for an upload or for stored output bytes.
     *
     * @throws QuotaExceededException when verification-service answers 429
     * @throws QuotaUnavailableException when it cannot be reached or fails
     */
    public void reserve(UUID organizationId, QuotaRequest request) {
        if (!enabled) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                api.reserve(organizationId, request);
                return;
            } catch (WebApplicationException e) {
                throw translate(e, "reserve", organizationId);
            } catch (ProcessingException e) {
                if (attempt == 1 && causedBy(e, ConnectException.class)) {
                    Log.warnf("Retrying: could not connect to verification-service at %s to reserve quota for "
                            + "organization %s: %s", baseUrl, organizationId, e.getMessage());
                    continue;
                }
                Log.errorf("Could not reserve quota for organization %s at %s: %s", organizationId, baseUrl,
                        e.getMessage());
                throw new QuotaUnavailableException("quota service unavailable", e);
            }
        }
    }

    /**
     * Returns quota reserved earlier. Failures are logged with the amounts, for reconciliation, and
     * not thrown: the caller has already removed what the quota counted.
     *
     * @return whether verification-service confirmed the release
     */
    public boolean release(UUID organizationId, QuotaRequest request) {
        if (!enabled || (request.uploads() == 0 && request.storageBytes() == 0)) {
            return true;
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                api.release(organizationId, request);
                return true;
            } catch (WebApplicationException | ProcessingException e) {
                Log.errorf("Could not release quota (uploads %d, storage bytes %d, asset %s) of organization %s "
                        + "at %s, attempt %d: %s", request.uploads(), request.storageBytes(), request.assetId(),
                        organizationId, baseUrl, attempt, e.getMessage());
            }
        }
        // NOTE: a release that fails twice is only logged; there is no outbox that retries it later.
        return false;
    }

    private RuntimeException translate(WebApplicationException e, String action, UUID organizationId) {
        Response response = e.getResponse();
        int status = response.getStatus();
        if (status == 429) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : RATE_LIMIT_HEADERS) {
                String value = response.getHeaderString(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            return new QuotaExceededException(problemDetail(response), retryAfter(response), headers);
        }
        Log.errorf("verification-service answered HTTP %d to the quota %s of organization %s", status, action,
                organizationId);
        return new QuotaUnavailableException("quota service unavailable", e);
    }

    private static String problemDetail(Response response) {
        String fallback = "The organization's upload or storage quota is used up.";
        try {
            String body = response.readEntity(String.class);
            JsonNode detail = body == null ? null : JSON.readTree(body).get("detail");
            return detail != null && detail.isTextual() && !detail.asText().isBlank() ? detail.asText() : fallback;
        } catch (RuntimeException | java.io.IOException e) {
            return fallback;
        }
    }

    private static long retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        try {
            return value == null ? 60 : Math.max(1, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
