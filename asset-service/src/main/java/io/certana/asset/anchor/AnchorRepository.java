package io.certana.asset.anchor;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AnchorRepository implements PanacheRepositoryBase<Anchor, UUID> {

    /** States in which an anchor is its batch's current one. */
    static final List<String> CURRENT_STATES = List.of(AnchorState.PENDING.wireName(),
            AnchorState.CONFIRMED.wireName(), AnchorState.FINALIZED.wireName());

    /**
     * Locks the anchor that is due longest to be submitted or checked. {@code SKIP LOCKED} lets
     * trackers of several instances work side by side, each on its own anchor.
     */
    public Optional<Anchor> lockNextDue() {
        @SuppressWarnings("unchecked")
        List<Anchor> due = getEntityManager().createNativeQuery("""
                SELECT * FROM anchors
                WHERE status IN ('pending', 'confirmed') AND next_check_at <= now()
                ORDER BY next_check_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED""", Anchor.class).getResultList();
        return due.stream().findFirst();
    }

    /** Returns the current anchor of a batch. */
    public Optional<Anchor> findCurrent(UUID batchId) {
        return find("batchId = ?1 and status in ?2", batchId, CURRENT_STATES).firstResultOptional();
    }

    /** Returns the current anchors of the given batches. */
    public List<Anchor> listCurrent(Collection<UUID> batchIds) {
        return batchIds.isEmpty() ? List.of() : list("batchId in ?1 and status in ?2", batchIds, CURRENT_STATES);
    }

    /** Returns every attempt for a batch, oldest first. */
    public List<Anchor> listAttempts(UUID batchId) {
        return list("batchId = ?1 order by createdAt, id", batchId);
    }
}
