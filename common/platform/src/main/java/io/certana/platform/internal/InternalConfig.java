package io.certana.platform.internal;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service-to-service calls: the shared token and where identity-service listens. */
@ConfigMapping(prefix = "certana.internal")
public interface InternalConfig {

    /** Shared secret every service sends in {@code X-Internal-Token} and expects on {@code /internal/} paths. */
    String token();

    /** Base URL of identity-service for introspection and membership calls. */
    @WithDefault("http://127.0.0.1:8081")
    URI identityUrl();

    /** Time allowed to open a connection to another service. */
    @WithDefault("2S")
    Duration connectTimeout();

    /** Time allowed for another service to respond once connected. */
    @WithDefault("5S")
    Duration readTimeout();
}
