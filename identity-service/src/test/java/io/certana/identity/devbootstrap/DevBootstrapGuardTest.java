package io.certana.identity.devbootstrap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The profile rule of the dev bootstrap, without starting the application. */
class DevBootstrapGuardTest {

    @Test
    void allowedWithDevOrTest() {
        assertDoesNotThrow(() -> DevBootstrapGuard.check(true, List.of("dev")));
        assertDoesNotThrow(() -> DevBootstrapGuard.check(true, List.of("test")));
        assertDoesNotThrow(() -> DevBootstrapGuard.check(true, List.of("demo", "dev")));
    }

    @Test
    void disabledPassesUnderAnyProfile() {
        assertDoesNotThrow(() -> DevBootstrapGuard.check(false, List.of("prod")));
        assertDoesNotThrow(() -> DevBootstrapGuard.check(false, List.of()));
    }

    @Test
    void rejectedWithProd() {
        List<List<String>> rejected = List.of(
                List.of("prod"),
                List.of("dev", "prod"),
                List.of("prod", "test"),
                List.of(),
                List.of("staging"));
        for (List<String> profiles : rejected) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> DevBootstrapGuard.check(true, profiles), "profiles " + profiles);
            assertTrue(error.getMessage().contains("certana.identity.dev-bootstrap.enabled"),
                    "message must name the key: " + error.getMessage());
            assertTrue(error.getMessage().contains(profiles.toString()),
                    "message must name the active profiles: " + error.getMessage());
        }
    }
}
