package io.certana.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.certana.platform.auth.ApiKeyIntrospection;
import io.certana.platform.auth.ApiKeyIntrospector;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The default {@link ApiKeyIntrospector}: calls identity-service and caches each response for
 * {@code certana.auth.api-key-cache-ttl}. That TTL is how long a revoked key may keep working in
 * this service. Failures are not cached.
 */
@DefaultBean
@ApplicationScoped
public class RestApiKeyIntrospector implements ApiKeyIntrospector {

    private final IdentityClient identity;
    private final Cache<String, ApiKeyIntrospection> cache;

    public RestApiKeyIntrospector(IdentityClient identity, AuthCacheConfig config) {
        this.identity = identity;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(config.apiKeyCacheTtl())
                .maximumSize(config.cacheMaxEntries())
                .build();
    }

    @Override
    public ApiKeyIntrospection introspect(String apiKey) {
        // Entries are keyed by a digest so raw keys do not linger in the heap.
        return cache.get(digest(apiKey), ignored -> identity.introspect(apiKey));
    }

    private static String digest(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
