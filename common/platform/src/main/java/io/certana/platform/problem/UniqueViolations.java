package io.certana.platform.problem;

import java.sql.SQLException;

/** Recognizes PostgreSQL unique constraint violations anywhere in an exception's cause chain. */
public final class UniqueViolations {

    /** PostgreSQL SQLSTATE {@code unique_violation} (PostgreSQL 15 manual, appendix A). */
    public static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** Returns whether {@code error} or one of its causes is a unique constraint violation. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
