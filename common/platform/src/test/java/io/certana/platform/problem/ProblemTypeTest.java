package io.certana.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void forStatusPicksSharedType() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(400));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(418));
        assertEquals(ProblemType.INTERNAL_ERROR, ProblemType.forStatus(502));
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, ProblemType.forStatus(503));
    }

    @Test
    void problemSerializesWithoutNulls() {
        String json = ProblemResponses.serialize(ProblemType.CONFLICT.problem("Taken.").withInstance("/x"));
        assertEquals("{\"type\":\"https://certana.io/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"Taken.\",\"instance\":\"/x\"}", json);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        ProblemException error = ProblemException.tooManyRequests("Slow down.", 0);
        assertEquals(429, error.problem().status());
        assertEquals("1", error.headers().get("Retry-After"));
    }

    @Test
    void uniqueViolationFoundInCauseChain() {
        SQLException unique = new SQLException("duplicate key", UniqueViolations.UNIQUE_VIOLATION);
        assertTrue(UniqueViolations.isUniqueViolation(new RuntimeException(new IllegalStateException(unique))));
        assertFalse(UniqueViolations.isUniqueViolation(new RuntimeException(new SQLException("fk", "23503"))));
        assertFalse(UniqueViolations.isUniqueViolation(new RuntimeException("plain")));
    }
}
