package io.certana.platform.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.certana.platform.auth.ApiKeyIntrospection;
import io.certana.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * Calls identity-service's internal API with timeouts and one retry on connection failures. A 404
 * from identity-service means "absent" and returns empty; any other failure becomes a 503 problem,
 * so a caller never sees identity-service's own errors.
 */
@ApplicationScoped
public class IdentityClient {

    private final IdentityInternalApi api;
    private final InternalConfig config;

    public IdentityClient(InternalConfig config) {
        this.config = config;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.identityUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(IdentityInternalApi.class);
    }

    /** Introspects an API key; an unknown key is inactive, not an error. */
    public ApiKeyIntrospection introspect(String apiKey) {
        return call("introspect an API key", () -> api.introspect(new IntrospectionRequest(apiKey)))
                .orElse(ApiKeyIntrospection.inactive());
    }

    /** Returns the membership of a user in an organization, or empty when there is none. */
    public Optional<MembershipView> findMembership(UUID organizationId, UUID userId) {
        return call("read membership of user " + userId + " in organization " + organizationId,
                () -> api.membership(organizationId, userId));
    }

    /** Returns an organization's plan limits and key reference, or empty when it does not exist. */
    public Optional<OrganizationView> findOrganization(UUID organizationId) {
        return call("read organization " + organizationId, () -> api.organization(organizationId));
    }

    private <T> Optional<T> call(String action, Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.ofNullable(request.get());
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 404) {
                    return Optional.empty();
                }
                Log.errorf("identity-service returned HTTP %d on the request to %s", status, action);
                throw unavailable();
            } catch (ProcessingException e) {
                // Connection refused, reset or timed out: the calls are read-only, so one retry is safe.
                if (attempt == 1) {
                    Log.warnf("Retrying: could not %s at %s: %s", action, config.identityUrl(), e.getMessage());
                    continue;
                }
                Log.errorf("Could not %s at %s after %d attempts: %s", action, config.identityUrl(), attempt,
                        e.getMessage());
                throw unavailable();
            }
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.serviceUnavailable(
                "The identity service is unavailable, so the credentials could not be checked. Try again shortly.");
    }
}
