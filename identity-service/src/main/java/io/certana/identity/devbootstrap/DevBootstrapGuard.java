package io.certana.identity.devbootstrap;

import java.util.List;

/**
 * The rule that keeps the dev bootstrap out of production: it may run only when the {@code dev} or
 * {@code test} profile is active and the {@code prod} profile is not.
 */
public final class DevBootstrapGuard {

    static final String ENABLED_KEY = "certana.identity.dev-bootstrap.enabled";

    private DevBootstrapGuard() {
    }

    /**
     * Throws when the dev bootstrap is enabled under profiles that do not allow it.
     *
     * @param enabled the value of {@code certana.identity.dev-bootstrap.enabled}
     * @param activeProfiles the active configuration profiles, parent profiles included
     * @throws IllegalStateException naming the key and the active profiles
     */
    public static void check(boolean enabled, List<String> activeProfiles) {
        if (!enabled || isAllowed(activeProfiles)) {
            return;
        }
        throw new IllegalStateException(ENABLED_KEY + "=true is only allowed with the dev or test profile and "
                + "never with prod, but the active profiles are " + activeProfiles + ". Unset "
                + "CERTANA_IDENTITY_DEV_BOOTSTRAP_ENABLED or set it to false.");
    }

    private static boolean isAllowed(List<String> activeProfiles) {
        boolean development = activeProfiles.contains("dev") || activeProfiles.contains("test");
        return development && !activeProfiles.contains("prod");
    }
}
