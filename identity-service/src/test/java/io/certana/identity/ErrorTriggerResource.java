package io.certana.identity;

import java.sql.SQLException;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Test-only endpoints that fail on purpose, to check how the shared mappers respond to errors that
 * correct requests to the real endpoints cannot provoke.
 */
@Path("/test-support/errors")
public class ErrorTriggerResource {

    @POST
    @Path("/unexpected")
    public String unexpected() {
        throw new IllegalStateException("boom: secret detail from java.lang that must not leak");
    }

    @POST
    @Path("/unique-violation")
    public String uniqueViolation() {
        throw new RuntimeException("insert failed",
                new SQLException("duplicate key value violates unique constraint \"users_email_lower_key\"", "23505"));
    }
}
