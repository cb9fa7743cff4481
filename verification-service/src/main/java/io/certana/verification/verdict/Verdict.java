package io.certana.verification.verdict;

import java.util.Locale;

/** The answer of a verification, as api.md defines the three words. */
public enum Verdict {
    /** The copy traces to a registered asset whose commitment verifies, changed only by benign edits. */
    AUTHENTIC,
    /** The copy claims or reveals a registered origin, but its content was altered or its commitment does not verify. */
    FORGED,
    /** Nothing ties the copy to a registered asset whose registration is complete. */
    UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
