package io.certana.verification.log.rest;

import java.util.List;

/** A page of verification logs: {@code page} starts at 0, {@code total} counts all logs matching the filters. */
public record VerificationLogPage(List<VerificationLogView> items, int page, int size, long total) {
}
