package io.certana.asset.job;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

import io.certana.asset.quota.QuotaUnavailableException;
import io.certana.platform.problem.ProblemException;
import jakarta.persistence.PersistenceException;

/**
 * Sorts the unexpected errors of a job into those a retry may fix and those it cannot, and words
 * them for an asset's {@code processingError}. The full error goes to the log and to the job's
 * {@code last_error}.
 */
public final class JobErrors {

    /**
     * SQLSTATE classes that no retry fixes (PostgreSQL 15 manual, appendix A): 22 data exception,
     * 23 integrity constraint violation, 42 syntax error or access rule violation.
     */
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "23", "42");

    private JobErrors() {
    }

    /**
     * Returns whether the database rejected the data or the statement itself, which repeats on
     * every attempt. Connection failures, deadlocks and serialization failures return false.
     */
    public static boolean isPermanentDatabaseError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && PERMANENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    public static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof QuotaUnavailableException) {
                return "the quota service was unavailable";
            }
            if (cause instanceof ProblemException problem && problem.problem().status() == 503) {
                return "identity-service was unavailable";
            }
            if (cause instanceof SQLException || cause instanceof PersistenceException) {
                return "the database was unavailable";
            }
            if (cause instanceof IOException) {
                return "the file storage could not be read or written";
            }
            if (cause instanceof OutOfMemoryError) {
                return "the service ran out of memory";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return "an internal error occurred";
    }

    /** Returns the error for the job's last_error column: type and message, bounded in length. */
    public static String summary(Throwable error) {
        String text = error.getClass().getName() + ": " + error.getMessage();
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != error) {
            text += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
