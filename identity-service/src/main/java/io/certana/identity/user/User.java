package io.certana.identity.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who logs in with email and password. */
@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;

    /** As the user typed it; uniqueness and lookups ignore letter case. */
    @Column(nullable = false)
    public String email;

    @Column(name = "full_name")
    public String fullName;

    /** bcrypt hash (cost 12) in Modular Crypt Format. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "is_verified", nullable = false)
    public boolean verified;

    /** Subscription tier: free, pro or enterprise. */
    @Column(nullable = false)
    public String tier = "free";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;
}
