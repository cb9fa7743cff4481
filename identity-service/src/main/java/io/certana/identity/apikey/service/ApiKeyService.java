package io.certana.identity.apikey.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.certana.identity.apikey.ApiKey;
import io.certana.identity.apikey.ApiKeyRepository;
import io.certana.identity.apikey.rest.ApiKeyView;
import io.certana.identity.apikey.rest.CreateApiKeyRequest;
import io.certana.identity.apikey.rest.CreatedApiKeyView;
import io.certana.identity.organization.OrganizationRepository;
import io.certana.platform.auth.ApiKeyIntrospection;
import io.certana.platform.auth.ApiKeys;
import io.certana.platform.auth.OrganizationAccess;
import io.certana.platform.auth.Scope;
import io.certana.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Creates, lists, revokes and introspects API keys. */
@ApplicationScoped
public class ApiKeyService {

    /** Scopes of a key created without a scope list. */
    static final Set<Scope> DEFAULT_SCOPES = EnumSet.of(Scope.READ, Scope.VERIFY);

    private final ApiKeyRepository keys;
    private final OrganizationRepository organizations;
    private final ApiKeySecrets secrets;
    private final ApiKeyUsageTracker usage;

    public ApiKeyService(ApiKeyRepository keys, OrganizationRepository organizations, ApiKeySecrets secrets,
            ApiKeyUsageTracker usage) {
        this.keys = keys;
        this.organizations = organizations;
        this.secrets = secrets;
        this.usage = usage;
    }

    /**
     * Creates a key in the caller's organization. A key cannot get a scope its creator lacks, so a
     * key never grants more than the person or key that made it.
     */
    @Transactional
    public CreatedApiKeyView create(OrganizationAccess access, UUID creatorId, CreateApiKeyRequest request) {
        Set<Scope> scopes = parseScopes(request.scopes());
        Set<Scope> missing = EnumSet.noneOf(Scope.class);
        missing.addAll(scopes);
        missing.removeAll(access.scopes());
        if (!missing.isEmpty()) {
            throw ProblemException.forbidden("A key cannot get scopes its creator lacks: "
                    + missing.stream().map(Scope::wireName).collect(Collectors.joining(", ")) + ".");
        }
        if (organizations.findByIdOptional(access.organizationId()).isEmpty()) {
            throw ProblemException.notFound("Organization " + access.organizationId() + " not found.");
        }

        String secret = secrets.newKey();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.organizationId = access.organizationId();
        key.userId = creatorId;
        key.keyPrefix = secrets.displayPrefix(secret);
        key.keyHash = secrets.hash(secret);
        key.name = request.name().trim();
        key.scopes = scopes.stream().map(Scope::wireName).toArray(String[]::new);
        key.rateLimitPerHour = request.rateLimitPerHour();
        key.rateLimitPerDay = request.rateLimitPerDay();
        key.expiresAt = request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MICROS);
        key.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        keys.persistAndFlush(key);
        Log.infof("User %s created API key %s (%s) in organization %s", creatorId, key.id, key.keyPrefix,
                key.organizationId);
        return CreatedApiKeyView.of(key, secret);
    }

    @Transactional
    public List<ApiKeyView> list(UUID organizationId) {
        return keys.listByOrganization(organizationId).stream().map(ApiKeyView::of).toList();
    }

    @Transactional
    public ApiKeyView find(UUID organizationId, UUID keyId) {
        return keys.findInOrganization(organizationId, keyId).map(ApiKeyView::of)
                .orElseThrow(() -> ProblemException.notFound("API key " + keyId + " not found."));
    }

    /**
     * Revokes a key of the organization. Revoking twice is not an error. identity-service stops
     * accepting the key at once; other services within their introspection cache TTL.
     */
    @Transactional
    public void revoke(UUID organizationId, UUID keyId, UUID revokedBy) {
        ApiKey key = keys.findInOrganization(organizationId, keyId)
                .orElseThrow(() -> ProblemException.notFound("API key " + keyId + " not found."));
        if (key.active) {
            key.active = false;
            key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Log.infof("User %s revoked API key %s in organization %s", revokedBy, keyId, organizationId);
        }
    }

    /** Looks a key up by its HMAC and notes its use when it is active. */
    @Transactional
    public ApiKeyIntrospection introspect(String secret) {
        return findUsable(secret)
                .map(key -> {
                    usage.recordUse(key.id);
                    return new ApiKeyIntrospection(true, key.id, key.organizationId, key.userId,
                            List.of(key.scopes), key.rateLimitPerHour, key.rateLimitPerDay);
                })
                .orElseGet(ApiKeyIntrospection::inactive);
    }

    /**
     * Finds the key with this secret by its HMAC, when the key is active and not expired. It is the
     * lookup behind {@link #introspect}, without noting a use.
     */
    @Transactional
    public Optional<ApiKey> findUsable(String secret) {
        if (!ApiKeys.hasKeyShape(secret)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return keys.findByHash(secrets.hash(secret)).filter(key -> key.isUsableAt(now));
    }

    private static Set<Scope> parseScopes(List<String> requested) {
        if (requested == null) {
            return EnumSet.copyOf(DEFAULT_SCOPES);
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (int i = 0; i < requested.size(); i++) {
            int index = i;
            scopes.add(Scope.parse(requested.get(i)).orElseThrow(() -> ProblemException.invalidField(
                    "scopes[" + index + "]", "must be one of: " + Arrays.stream(Scope.values())
                            .map(Scope::wireName).collect(Collectors.joining(", ")))));
        }
        return scopes;
    }
}
