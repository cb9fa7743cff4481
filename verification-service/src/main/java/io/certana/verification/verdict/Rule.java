package io.certana.verification.verdict;

/**
 * The verdict rules of docs/verification.md, in the order {@link VerdictEngine} applies them. The
 * wire name is reported with every verdict, so a client can tell which rule decided.
 */
public enum Rule {
    NO_MATCH("no-match"),
    SIMILAR_CONTENT_ONLY("similar-content-only"),
    COMMITMENT_INVALID("commitment-invalid"),
    REGISTRATION_INCOMPLETE("registration-incomplete"),
    EXACT_MATCH("exact-match"),
    WATERMARK_CONTENT_MISMATCH("watermark-content-mismatch"),
    LOCAL_EDIT("local-edit"),
    CONTENT_UNVERIFIABLE("content-unverifiable"),
    WATERMARK_INTACT("watermark-intact"),
    FINGERPRINT_MATCH("fingerprint-match"),
    FINGERPRINT_EDITED("fingerprint-edited");

    private final String wireName;

    Rule(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
