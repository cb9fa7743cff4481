package io.certana.asset.job;

import java.io.IOException;
import java.sql.SQLException;

import io.certana.asset.quota.QuotaUnavailableException;
import io.certana.platform.problem.ProblemException;
import jakarta.persistence.PersistenceException;

/**
 * Describes errors that a retry may fix, in words fit for an asset's {@code processingError} when
 * the attempts run out. The full error goes to the log and to the job's {@code last_error}.
 */
public final class TransientErrorText {

    private TransientErrorText() {
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
