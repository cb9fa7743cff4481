package io.certana.identity.user.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.certana.identity.config.IdentityConfig;
import io.certana.identity.security.SecureTokens;
import io.certana.identity.user.EmailVerification;
import io.certana.identity.user.EmailVerificationRepository;
import io.certana.identity.user.User;
import io.certana.identity.user.UserRepository;
import io.certana.identity.user.rest.SignupRequest;
import io.certana.platform.problem.ProblemException;
import io.certana.platform.problem.UniqueViolations;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Signup, email verification and verification mail resends. */
@ApplicationScoped
public class AccountService {

    /** bcrypt cost factor: 2^12 rounds, about 250 ms of CPU per hash on current servers (an estimate). */
    public static final int BCRYPT_COST = 12;

    /** Random bytes in a verification token: 256 bits. */
    static final int TOKEN_BYTES = 32;

    private final UserRepository users;
    private final EmailVerificationRepository verifications;
    private final VerificationMailer mailer;
    private final IdentityConfig config;

    public AccountService(UserRepository users, EmailVerificationRepository verifications, VerificationMailer mailer,
            IdentityConfig config) {
        this.users = users;
        this.verifications = verifications;
        this.mailer = mailer;
        this.config = config;
    }

    /**
     * Creates an unverified account and mails a verification link. A duplicate email in any letter
     * case gives 409; when two signups race, the unique index on lower(email) lets one win and
     * the other gets the same 409.
     */
    public User signup(SignupRequest request) {
        String email = request.email().trim();
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        // Hashing takes about a quarter second, so it runs before the transaction opens.
        String passwordHash = BcryptUtil.bcryptHash(request.password(), BCRYPT_COST);
        String token = SecureTokens.randomBase64Url(TOKEN_BYTES);

        User user;
        try {
            user = QuarkusTransaction.requiringNew().call(() -> insertUser(email, request.fullName().trim(),
                    passwordHash, token));
        } catch (RuntimeException e) {
            if (UniqueViolations.isUniqueViolation(e)) {
                throw emailTaken();
            }
            throw e;
        }
        Log.infof("Created user %s", user.id);
        mailer.sendVerification(user, token);
        return user;
    }

    /**
     * Redeems a verification token: marks the user verified and the token used.
     *
     * @throws ProblemException 400 {@code invalid-verification-token} when the token is unknown,
     *         expired or already used
     */
    @Transactional
    public User verify(String token) {
        return redeem(token).orElseThrow(() -> new ProblemException(400, "invalid-verification-token",
                "Invalid verification token",
                "The verification token is unknown, expired or already used; request a new mail."));
    }

    /**
     * Redeems a verification token like {@link #verify(String)}, but returns an empty result for an
     * unknown, expired or already used token instead of raising.
     */
    @Transactional
    public Optional<User> redeem(String token) {
        Instant now = Instant.now();
        Optional<EmailVerification> found = verifications.findByHashForUpdate(SecureTokens.sha256Hex(token.trim()))
                .filter(candidate -> candidate.usedAt == null && candidate.expiresAt.isAfter(now));
        if (found.isEmpty()) {
            Log.debug("Rejected an unknown, expired or already used verification token");
            return Optional.empty();
        }
        EmailVerification verification = found.get();
        verification.usedAt = now;
        User user = users.findById(verification.userId);
        if (!user.verified) {
            user.verified = true;
            user.updatedAt = now;
            Log.infof("Verified the email address of user %s", user.id);
        }
        return Optional.of(user);
    }

    /**
     * Sends a new verification mail when the email belongs to an unverified account and the last
     * mail is older than {@code certana.identity.mail.resend-interval}. The response is the same in every
     * case, so the endpoint does not reveal which emails have accounts.
     */
    public void resendVerification(String email) {
        String token = SecureTokens.randomBase64Url(TOKEN_BYTES);
        Optional<User> user = QuarkusTransaction.requiringNew().call(() -> replaceToken(email, token));
        user.ifPresent(recipient -> mailer.sendVerification(recipient, token));
    }

    /** Deletes verification tokens that expired more than a day ago; they can never be redeemed. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteExpiredTokens() {
        long deleted = verifications.deleteExpiredBefore(Instant.now().minus(Duration.ofDays(1)));
        if (deleted > 0) {
            Log.debugf("Deleted %d expired email verification tokens", deleted);
        }
    }

    private User insertUser(String email, String fullName, String passwordHash, String token) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = email;
        user.fullName = fullName;
        user.passwordHash = passwordHash;
        user.verified = false;
        user.tier = "free";
        user.createdAt = now;
        users.persistAndFlush(user);
        insertToken(user.id, token, now);
        return user;
    }

    private Optional<User> replaceToken(String email, String token) {
        Optional<User> user = users.findByEmail(email).filter(candidate -> !candidate.verified);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID userId = user.get().id;
        Optional<Instant> latest = verifications.latestCreatedAt(userId);
        if (latest.isPresent() && latest.get().plus(config.mail().resendInterval()).isAfter(now)) {
            Log.debugf("Skipped a verification mail to user %s: the last one is recent", userId);
            return Optional.empty();
        }
        verifications.invalidateUnused(userId, now);
        insertToken(userId, token, now);
        return user;
    }

    private void insertToken(UUID userId, String token, Instant now) {
        EmailVerification verification = new EmailVerification();
        verification.id = UUID.randomUUID();
        verification.userId = userId;
        verification.tokenHash = SecureTokens.sha256Hex(token);
        verification.createdAt = now;
        verification.expiresAt = now.plus(config.mail().tokenLifetime());
        verifications.persist(verification);
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("An account with this email address already exists.");
    }
}
