package io.certana.verification.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A quota period: one calendar month in UTC.
 *
 * @param start first day of the month
 * @param end first day of the next month (exclusive)
 */
public record QuotaPeriod(LocalDate start, LocalDate end) {

    /** Returns the period that contains {@code now}. */
    public static QuotaPeriod containing(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        return new QuotaPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public int days() {
        return (int) (end.toEpochDay() - start.toEpochDay());
    }

    public Instant startInstant() {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant endInstant() {
        return end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Seconds from {@code now} until the period ends, at least 1: the Retry-After of a used-up quota. */
    public long secondsUntilEnd(Instant now) {
        return Math.max(1, Duration.between(now, endInstant()).toSeconds() + 1);
    }
}
