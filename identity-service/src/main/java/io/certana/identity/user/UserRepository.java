package io.certana.identity.user;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** Finds a user by email, ignoring letter case (served by the unique index on lower(email)). */
    public Optional<User> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email.trim()).firstResultOptional();
    }
}
