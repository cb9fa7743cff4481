package io.certana.verification.log;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes verification logs; reads are always scoped to one organization. */
@ApplicationScoped
public class VerificationLogRepository implements PanacheRepositoryBase<VerificationLog, UUID> {

    /** A page of logs and the number of all logs matching the filters. */
    public record Slice(List<VerificationLog> items, long total) {
    }

    /**
     * Lists an organization's logs, newest first.
     *
     * @param verdict only this verdict, or null for all
     * @param from only logs at or after this time, or null
     * @param to only logs before this time, or null
     */
    public Slice list(UUID organizationId, String verdict, Instant from, Instant to, int page, int size) {
        StringBuilder query = new StringBuilder("organizationId = :organization");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("organization", organizationId);
        if (verdict != null) {
            query.append(" and verdict = :verdict");
            parameters.put("verdict", verdict);
        }
        // The time bounds also let PostgreSQL skip the partitions of other months.
        if (from != null) {
            query.append(" and createdAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            query.append(" and createdAt < :to");
            parameters.put("to", to);
        }
        var found = find(query.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                parameters);
        return new Slice(found.page(Page.of(page, size)).list(), found.count());
    }

    public Optional<VerificationLog> findInOrganization(UUID organizationId, UUID id) {
        return find("id = ?1 and organizationId = ?2", id, organizationId).firstResultOptional();
    }
}
