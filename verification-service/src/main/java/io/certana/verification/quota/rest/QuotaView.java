package io.certana.verification.quota.rest;

import java.time.Instant;

import io.certana.verification.quota.QuotaUsage;

/**
 * Body of {@code GET /api/v1/quotas} and of the internal reserve and release responses: the current
 * month's usage and limits.
 *
 * @param periodStart start of the month, RFC 3339 UTC
 * @param periodEnd start of the next month, when the counters reset (storage carries over)
 */
public record QuotaView(Instant periodStart, Instant periodEnd, Amount uploads, Amount verifications,
        Amount storageBytes) {

    /** Used and allowed amounts of one quota. */
    public record Amount(long used, long limit) {
    }

    public static QuotaView of(QuotaUsage usage) {
        return new QuotaView(usage.period().startInstant(), usage.period().endInstant(),
                new Amount(usage.uploads(), usage.uploadsLimit()),
                new Amount(usage.verifications(), usage.verificationsLimit()),
                new Amount(usage.storageBytes(), usage.storageLimitBytes()));
    }
}
