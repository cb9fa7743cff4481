package io.certana.identity.organization;

import java.util.Locale;

import io.certana.identity.config.IdentityConfig;

/** Subscription plan of an organization; it sets the organization's limits at creation. */
public enum Plan {
    FREE,
    PRO,
    ENTERPRISE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Plan fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The configured limits of this plan. */
    public IdentityConfig.PlanLimits limits(IdentityConfig.Plans plans) {
        return switch (this) {
            case FREE -> plans.free();
            case PRO -> plans.pro();
            case ENTERPRISE -> plans.enterprise();
        };
    }
}
