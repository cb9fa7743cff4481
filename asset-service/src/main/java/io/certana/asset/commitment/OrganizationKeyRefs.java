package io.certana.asset.commitment;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.certana.asset.config.AssetConfig;
import io.certana.platform.internal.IdentityClient;
import io.certana.platform.internal.OrganizationView;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads each organization's signing key reference ({@code masterKeyRef}) from identity-service,
 * which owns it, and reuses the response for {@code certana.asset.signing.key-ref-cache-ttl}.
 */
@ApplicationScoped
public class OrganizationKeyRefs {

    /** The shape identity-service gives references: {@code org:<organizationId>:signing:v<version>}. */
    private static final Pattern KEY_REF = Pattern.compile("org:([0-9a-f-]{36}):signing:v[1-9][0-9]*");

    private final IdentityClient identity;
    private final Cache<UUID, String> cache;

    public OrganizationKeyRefs(IdentityClient identity, AssetConfig config) {
        this.identity = identity;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(config.signing().keyRefCacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /**
     * Returns the organization's current key reference, or empty when identity-service does not
     * know the organization.
     *
     * @throws io.certana.platform.problem.ProblemException 503 when identity-service is unreachable
     * @throws SigningKeyUnavailableException when the reference has an unexpected shape or names another
     *     organization
     */
    public Optional<String> find(UUID organizationId) {
        String cached = cache.getIfPresent(organizationId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> keyRef = identity.findOrganization(organizationId).map(OrganizationView::masterKeyRef);
        keyRef.ifPresent(ref -> {
            var matcher = KEY_REF.matcher(ref);
            if (!matcher.matches() || !matcher.group(1).equals(organizationId.toString())) {
                throw new SigningKeyUnavailableException("identity-service returned the key reference '" + ref
                        + "' for organization " + organizationId + ", which does not name it");
            }
            cache.put(organizationId, ref);
        });
        return keyRef;
    }
}
