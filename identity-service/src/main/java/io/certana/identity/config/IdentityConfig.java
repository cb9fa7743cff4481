package io.certana.identity.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of identity-service, under {@code certana.identity}. */
@ConfigMapping(prefix = "certana.identity")
public interface IdentityConfig {

    Jwt jwt();

    Login login();

    Mail mail();

    ApiKeys apiKeys();

    Plans plans();

    DevBootstrap devBootstrap();

    /** Signing of access tokens. */
    interface Jwt {

        /** {@code iss} claim of issued tokens; must equal {@code mp.jwt.verify.issuer}. */
        @WithDefault("certana")
        String issuer();

        /** Lifetime of an access token. */
        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        /** RSA private key as PKCS#8 PEM content; takes precedence over the location. */
        Optional<String> privateKey();

        /**
         * File path or classpath resource of the RSA private key (PKCS#8 PEM). The prefixes
         * {@code file:} and {@code classpath:} force one of the two.
         */
        Optional<String> privateKeyLocation();

        /**
         * Folder where a 2048-bit RSA key pair is generated on first start when no key is
         * configured (dev). It is unset in prod, so a missing key stops the start there.
         */
        Optional<Path> generatedKeyDir();
    }

    /** Login throttling, counted in PostgreSQL so all replicas share the counters. */
    interface Login {

        /** Failed logins for one email within a window before further attempts get 429. */
        @WithDefault("5")
        int maxFailuresPerEmail();

        /** Failed logins from one client address within a window before further attempts get 429. */
        @WithDefault("50")
        int maxFailuresPerIp();

        /** Length of the fixed window in which failures are counted. */
        @WithDefault("PT15M")
        Duration failureWindow();
    }

    /** Verification mail. */
    interface Mail {

        /** Link in the verification mail; the token is appended as {@code ?token=<token>}. */
        @WithDefault("http://127.0.0.1:8081/api/v1/auth/verify-email")
        URI verificationUrl();

        /** Validity of a verification token. */
        @WithDefault("PT24H")
        Duration tokenLifetime();

        /** Shortest interval between two verification mails to the same account. */
        @WithDefault("PT1M")
        Duration resendInterval();
    }

    /** API keys. */
    interface ApiKeys {

        /** Server-side secret mixed into the HMAC-SHA-256 of every key; at least 32 characters. */
        String pepper();

        /** Interval of the batched write of last_used_at. */
        @WithDefault("30s")
        String lastUsedFlushInterval();
    }

    /**
     * Demo account for local demos ({@code bin/certana demo}): a user, an organization and an API
     * key ensured at start, with the credentials written to a file. The start fails when it is
     * enabled outside the dev and test profiles.
     */
    interface DevBootstrap {

        /** Whether to ensure the demo account at start. Allowed only in the dev and test profiles. */
        @WithDefault("false")
        boolean enabled();

        /** JSON file that receives the demo credentials, with mode 0600. Required when enabled. */
        Optional<Path> credentialsFile();
    }

    /** Limits that each plan gives an organization. */
    interface Plans {

        Free free();

        Pro pro();

        Enterprise enterprise();
    }

    /** Limits of one plan. */
    interface PlanLimits {

        /** Members, the owner included. */
        int maxUsers();

        /** Registered assets. */
        int maxAssets();

        /** Verifications per UTC day. */
        int maxVerificationsPerDay();
    }

    interface Free extends PlanLimits {
        @Override
        @WithDefault("3")
        int maxUsers();

        @Override
        @WithDefault("1000")
        int maxAssets();

        @Override
        @WithDefault("100")
        int maxVerificationsPerDay();
    }

    interface Pro extends PlanLimits {
        @Override
        @WithDefault("25")
        int maxUsers();

        @Override
        @WithDefault("50000")
        int maxAssets();

        @Override
        @WithDefault("10000")
        int maxVerificationsPerDay();
    }

    interface Enterprise extends PlanLimits {
        @Override
        @WithDefault("1000")
        int maxUsers();

        @Override
        @WithDefault("1000000")
        int maxAssets();

        @Override
        @WithDefault("1000000")
        int maxVerificationsPerDay();
    }
}
