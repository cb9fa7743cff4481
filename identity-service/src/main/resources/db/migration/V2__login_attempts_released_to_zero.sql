-- A login attempt is counted before its password check and taken back when the password
-- matches, so a counter may return to zero until its window is deleted.
ALTER TABLE login_failures
    DROP CONSTRAINT login_failures_failures_check,
    ADD CONSTRAINT login_failures_failures_check CHECK (failures >= 0);
