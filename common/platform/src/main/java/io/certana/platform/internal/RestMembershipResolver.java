package io.certana.platform.internal;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.certana.platform.auth.MembershipResolver;
import io.certana.platform.auth.Role;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The default {@link MembershipResolver}: calls identity-service and caches each response, including
 * "not a member", for {@code certana.auth.membership-cache-ttl}. Failures are not cached.
 */
@DefaultBean
@ApplicationScoped
public class RestMembershipResolver implements MembershipResolver {

    private record Key(UUID organizationId, UUID userId) {
    }

    private final IdentityClient identity;
    private final Cache<Key, Optional<Role>> cache;

    public RestMembershipResolver(IdentityClient identity, AuthCacheConfig config) {
        this.identity = identity;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(config.membershipCacheTtl())
                .maximumSize(config.cacheMaxEntries())
                .build();
    }

    @Override
    public Optional<Role> findRole(UUID organizationId, UUID userId) {
        return cache.get(new Key(organizationId, userId),
                key -> identity.findMembership(key.organizationId(), key.userId()).map(MembershipView::role));
    }
}
