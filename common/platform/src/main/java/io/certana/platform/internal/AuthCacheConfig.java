package io.certana.platform.internal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Caches in front of identity-service's introspection and membership endpoints. */
@ConfigMapping(prefix = "certana.auth")
public interface AuthCacheConfig {

    /**
     * How long an API key introspection response is reused. It bounds how long a revoked key keeps
     * working in services other than identity-service.
     */
    @WithDefault("5S")
    Duration apiKeyCacheTtl();

    /** How long a membership response is reused. It bounds how long a removed member keeps access. */
    @WithDefault("10S")
    Duration membershipCacheTtl();

    /** Maximum number of entries in each cache. */
    @WithDefault("10000")
    long cacheMaxEntries();
}
