package io.certana.platform.auth;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.certana.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request and its rights, resolved once per request.
 *
 * <p>An API key is bound to its organization. A user with a JWT names the organization in the
 * {@value #ORGANIZATION_HEADER} header (or the resource path does), and membership is checked
 * through the {@link MembershipResolver}. The {@code require…} methods throw the problem a client
 * should see: 401 without valid credentials, 404 for an organization that is not the caller's (so
 * existence does not leak), 403 when the role or key lacks a scope.
 *
 * <p>Blocking: call it from worker threads, as blocking JAX-RS resources are.
 */
@RequestScoped
public class CallerContext {

    /** Header that names the organization a JWT request acts on. */
    public static final String ORGANIZATION_HEADER = "X-Organization-Id";

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private final MembershipResolver memberships;

    private Caller caller;
    private final Map<UUID, Optional<OrganizationAccess>> accessByOrganization = new HashMap<>();

    public CallerContext(SecurityIdentity identity, HttpServerRequest request, MembershipResolver memberships) {
        this.identity = identity;
        this.request = request;
        this.memberships = memberships;
    }

    /** Returns the caller, or empty for an anonymous request. */
    public Optional<Caller> currentCaller() {
        if (caller == null && !identity.isAnonymous()) {
            caller = toCaller(identity);
        }
        return Optional.ofNullable(caller);
    }

    /** Returns the caller, or throws 401 for an anonymous request. */
    public Caller requireCaller() {
        return currentCaller().orElseThrow(() -> ProblemException.unauthorized(
                "This request needs credentials: send 'Authorization: Bearer <token>' or an API key."));
    }

    /**
     * Returns the caller's access to the organization the request acts on: the API key's
     * organization, or for a JWT the one named by {@value #ORGANIZATION_HEADER}.
     */
    public OrganizationAccess requireOrganization() {
        Caller current = requireCaller();
        String header = request.getHeader(ORGANIZATION_HEADER);
        if (current.isApiKey()) {
            UUID keyOrganization = current.apiKey().organizationId();
            if (header != null && !header.isBlank() && !keyOrganization.equals(parseOrganizationHeader(header))) {
                throw organizationNotFound(header.trim());
            }
            return requireOrganization(keyOrganization);
        }
        if (header == null || header.isBlank()) {
            throw ProblemException.invalidField(ORGANIZATION_HEADER,
                    "is required: name the organization this request acts on");
        }
        return requireOrganization(parseOrganizationHeader(header));
    }

    /** Returns the caller's access to the given organization, or throws 404 when it is not the caller's. */
    public OrganizationAccess requireOrganization(UUID organizationId) {
        return findAccess(organizationId).orElseThrow(() -> organizationNotFound(organizationId.toString()));
    }

    /** Like {@link #requireOrganization()}, and throws 403 unless the caller has the scope there. */
    public OrganizationAccess requireScope(Scope scope) {
        return checkScope(requireOrganization(), scope);
    }

    /** Like {@link #requireOrganization(UUID)}, and throws 403 unless the caller has the scope there. */
    public OrganizationAccess requireScope(UUID organizationId, Scope scope) {
        return checkScope(requireOrganization(organizationId), scope);
    }

    /** Returns the caller's access to an organization, or empty when it is not the caller's. */
    public Optional<OrganizationAccess> findAccess(UUID organizationId) {
        Caller current = requireCaller();
        return accessByOrganization.computeIfAbsent(organizationId, id -> resolveAccess(current, id));
    }

    private Optional<OrganizationAccess> resolveAccess(Caller current, UUID organizationId) {
        if (current.isApiKey()) {
            if (!organizationId.equals(current.apiKey().organizationId())) {
                return Optional.empty();
            }
            return Optional.of(new OrganizationAccess(organizationId, null, parseScopes(current.apiKey())));
        }
        return memberships.findRole(organizationId, current.userId())
                .map(role -> new OrganizationAccess(organizationId, role, role.scopes()));
    }

    private static OrganizationAccess checkScope(OrganizationAccess access, Scope scope) {
        if (access.has(scope)) {
            return access;
        }
        String granted = access.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(", "));
        String holder = access.memberRole()
                .map(role -> "role '" + role.wireName() + "'")
                .orElse("this API key");
        throw ProblemException.forbidden("This request needs scope '" + scope.wireName() + "', but " + holder
                + " grants only: " + (granted.isEmpty() ? "none" : granted) + ".");
    }

    private static Set<Scope> parseScopes(ApiKeyIntrospection key) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (key.scopes() != null) {
            key.scopes().forEach(name -> Scope.parse(name).ifPresent(scopes::add));
        }
        return scopes;
    }

    private static UUID parseOrganizationHeader(String header) {
        try {
            return UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(ORGANIZATION_HEADER, "must be an organization id (UUID)");
        }
    }

    private static ProblemException organizationNotFound(String organizationId) {
        return ProblemException.notFound("Organization " + organizationId + " not found.");
    }

    private static Caller toCaller(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof ApiKeyPrincipal key) {
            return new Caller(key.key().userId(), null, key.key());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            try {
                return new Caller(UUID.fromString(token.getSubject()), token.getName(), null);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.unauthorized("The access token has no valid subject; log in again.");
            }
        }
        throw ProblemException.unauthorized("Unsupported credentials: send a Certana access token or API key.");
    }
}
