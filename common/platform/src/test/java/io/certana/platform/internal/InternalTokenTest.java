package io.certana.platform.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InternalTokenTest {

    @Test
    void matchesOnlyTheExactToken() {
        assertTrue(InternalToken.matches("s3cret-token", "s3cret-token"));
        assertFalse(InternalToken.matches("s3cret-toke", "s3cret-token"));
        assertFalse(InternalToken.matches("S3cret-token", "s3cret-token"));
        assertFalse(InternalToken.matches(null, "s3cret-token"));
        assertFalse(InternalToken.matches("", ""));
    }
}
