package io.certana.identity.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class EmailVerificationRepository implements PanacheRepositoryBase<EmailVerification, UUID> {

    /**
     * Finds a token by its hash and locks the row, so two concurrent redemptions of one token
     * cannot both succeed.
     */
    public Optional<EmailVerification> findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Returns when the latest token for the user was created, or empty if none exists. */
    public Optional<Instant> latestCreatedAt(UUID userId) {
        return find("userId = ?1 order by createdAt desc", userId).firstResultOptional()
                .map(verification -> verification.createdAt);
    }

    /** Invalidates the user's unused tokens, so only the newest mail works. */
    public long invalidateUnused(UUID userId, Instant now) {
        return update("usedAt = ?1 where userId = ?2 and usedAt is null", now, userId);
    }

    /** Deletes tokens that expired before the cutoff. */
    public long deleteExpiredBefore(Instant cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }
}
