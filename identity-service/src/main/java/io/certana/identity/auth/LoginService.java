package io.certana.identity.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import io.certana.identity.auth.AccessTokenIssuer.AccessToken;
import io.certana.identity.security.SecureTokens;
import io.certana.identity.user.User;
import io.certana.identity.user.UserRepository;
import io.certana.identity.user.ValidPassword.PasswordLimits;
import io.certana.identity.user.service.AccountService;
import io.certana.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Email and password login. An unknown email and a wrong password give the same 401 after the
 * same work: an unknown email is checked against a dummy bcrypt hash of the same cost.
 */
@ApplicationScoped
public class LoginService {

    private final UserRepository users;
    private final LoginThrottle throttle;
    private final AccessTokenIssuer tokens;
    private final MeterRegistry metrics;
    private final String dummyHash;

    public LoginService(UserRepository users, LoginThrottle throttle, AccessTokenIssuer tokens, MeterRegistry metrics) {
        this.users = users;
        this.throttle = throttle;
        this.tokens = tokens;
        this.metrics = metrics;
        this.dummyHash = BcryptUtil.bcryptHash(SecureTokens.randomBase64Url(24), AccountService.BCRYPT_COST);
    }

    public AccessToken login(String email, String password, String clientAddress) {
        String emailKey = LoginThrottle.emailKey(email);
        String addressKey = LoginThrottle.addressKey(clientAddress);
        try {
            throttle.reserveAttempt(emailKey, addressKey);
        } catch (ProblemException e) {
            count("throttled");
            Log.infof("Throttled a login from %s", clientAddress);
            throw e;
        }

        Optional<User> user;
        boolean passwordMatches;
        try {
            user = QuarkusTransaction.requiringNew().call(() -> users.findByEmail(email));
            passwordMatches = passwordMatches(password, user.map(found -> found.passwordHash).orElse(dummyHash))
                    && user.isPresent();
        } catch (RuntimeException e) {
            // The password was never checked, so the attempt does not count as a failure.
            releaseAfterError(emailKey, addressKey, clientAddress, e);
            throw e;
        }
        if (!passwordMatches) {
            // The attempt that reserveAttempt counted is the failure.
            count("failed");
            Log.infof("Failed login from %s", clientAddress);
            throw ProblemException.unauthorized("Invalid email or password.");
        }

        throttle.release(emailKey, addressKey);
        User account = user.get();
        if (!account.verified) {
            count("unverified");
            throw new ProblemException(403, "email-not-verified", "Email not verified",
                    "Confirm your email address with the link in the verification mail before logging in.");
        }

        throttle.reset(emailKey);
        QuarkusTransaction.requiringNew().run(() -> users.update("lastLoginAt = ?1 where id = ?2", Instant.now(), account.id));
        count("succeeded");
        Log.infof("User %s logged in", account.id);
        return tokens.issue(account);
    }

    private void releaseAfterError(String emailKey, String addressKey, String clientAddress, RuntimeException error) {
        Log.warnf(error, "Login from %s failed before its password was checked", clientAddress);
        try {
            throttle.release(emailKey, addressKey);
        } catch (RuntimeException releaseError) {
            Log.warnf(releaseError, "Login attempt from %s could not be taken back from the throttle counters",
                    clientAddress);
        }
    }

    /**
     * Checks a password against a bcrypt hash. Signup never stores a password over 72 bytes, so a
     * longer one cannot match; it still costs one bcrypt run, like any other attempt.
     */
    private boolean passwordMatches(String password, String hash) {
        boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > PasswordLimits.MAX_UTF8_BYTES;
        String candidate = tooLong ? password.substring(0, Math.min(password.length(), 18)) : password;
        boolean matches = BcryptUtil.matches(candidate, hash);
        return matches && !tooLong;
    }

    private void count(String outcome) {
        metrics.counter("certana.identity.logins", "outcome", outcome).increment();
    }
}
