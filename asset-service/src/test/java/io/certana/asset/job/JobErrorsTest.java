package io.certana.asset.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

class JobErrorsTest {

    @Test
    void rejectedDataIsPermanent() {
        assertTrue(JobErrors.isPermanentDatabaseError(new PersistenceException("insert failed",
                new SQLException("unsupported Unicode escape sequence", "22P05"))));
        assertTrue(JobErrors.isPermanentDatabaseError(new RuntimeException(new SQLException("dup", "23505"))));
    }

    @Test
    void connectionFailureIsTransient() {
        assertFalse(JobErrors.isPermanentDatabaseError(new PersistenceException(new SQLException("refused", "08001"))));
        assertFalse(JobErrors.isPermanentDatabaseError(new SQLException("deadlock detected", "40P01")));
        assertFalse(JobErrors.isPermanentDatabaseError(new IOException("disk full")));
        assertEquals("the database was unavailable",
                JobErrors.describe(new PersistenceException(new SQLException("refused", "08001"))));
        assertEquals("the file storage could not be read or written", JobErrors.describe(new IOException("disk full")));
    }
}
