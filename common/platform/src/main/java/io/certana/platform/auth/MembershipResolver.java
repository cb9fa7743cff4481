package io.certana.platform.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds a user's role in an organization. The default implementation calls identity-service and
 * caches responses briefly; identity-service replaces it with one that reads its own database.
 */
public interface MembershipResolver {

    /**
     * Returns the user's role, or empty when the user is not a member or the organization does
     * not exist. Blocking: called on a worker thread.
     *
     * @throws io.certana.platform.problem.ProblemException 503 when identity-service cannot be reached
     */
    Optional<Role> findRole(UUID organizationId, UUID userId);
}
