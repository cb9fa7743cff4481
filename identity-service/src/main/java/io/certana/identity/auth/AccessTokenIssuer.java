package io.certana.identity.auth;

import java.time.Duration;
import java.time.Instant;

import io.certana.identity.config.IdentityConfig;
import io.certana.identity.user.User;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Issues RS256 access tokens: {@code iss} from configuration, {@code sub} the user id,
 * {@code upn} the email, {@code exp} after the configured lifetime.
 */
@Startup
@ApplicationScoped
public class AccessTokenIssuer {

    private final SigningKeys keys;
    private final IdentityConfig config;
    private final JWTParser parser;

    public AccessTokenIssuer(SigningKeys keys, IdentityConfig config, JWTParser parser) {
        this.keys = keys;
        this.config = config;
        this.parser = parser;
    }

    /**
     * Signs a probe token and verifies it the way incoming requests are verified, so a signing key
     * that does not match {@code mp.jwt.verify.publickey.location} stops the start instead of
     * failing every login later.
     */
    @PostConstruct
    void checkKeysMatch() {
        String probe = sign("00000000-0000-0000-0000-000000000000", "startup-check@certana.invalid", Instant.now(),
                Duration.ofMinutes(1));
        try {
            parser.parse(probe);
        } catch (ParseException e) {
            throw new IllegalStateException("Access tokens signed with key " + keys.keyId() + " do not verify: "
                    + "mp.jwt.verify.publickey.location must hold the public half of the signing key "
                    + "and mp.jwt.verify.issuer must equal certana.identity.jwt.issuer.", e);
        }
        Log.debug("Access token signing and verification keys match");
    }

    /** A signed access token and its lifetime. */
    public record AccessToken(String token, Duration lifetime) {
    }

    public AccessToken issue(User user) {
        Duration lifetime = config.jwt().accessTokenLifetime();
        return new AccessToken(sign(user.id.toString(), user.email, Instant.now(), lifetime), lifetime);
    }

    private String sign(String subject, String email, Instant issuedAt, Duration lifetime) {
        return Jwt.issuer(config.jwt().issuer())
                .subject(subject)
                .upn(email)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .jws()
                .keyId(keys.keyId())
                .sign(keys.privateKey());
    }
}
