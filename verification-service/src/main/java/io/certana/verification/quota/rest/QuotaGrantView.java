package io.certana.verification.quota.rest;

/** Body of a successful reserve or release: {@code granted} (always true) and the month's usage after the change. */
public record QuotaGrantView(boolean granted, QuotaView quota) {
}
