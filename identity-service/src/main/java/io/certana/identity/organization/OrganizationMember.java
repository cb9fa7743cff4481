package io.certana.identity.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's membership in an organization, with the role that sets what the user may do there. */
@Entity
@Table(name = "organization_members")
public class OrganizationMember {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** owner, admin, member or viewer. */
    @Column(nullable = false)
    public String role;

    /** The user who added this member, null for the owner. */
    @Column(name = "invited_by")
    public UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
