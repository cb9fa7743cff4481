package io.certana.verification.quota;

/**
 * An organization's usage and limits in one period, as stored after a change.
 *
 * @param period the month
 * @param uploads registrations counted
 * @param uploadsLimit registrations allowed
 * @param verifications verifications counted
 * @param verificationsLimit verifications allowed
 * @param storageBytes stored bytes counted, carried over from earlier months
 * @param storageLimitBytes stored bytes allowed
 */
public record QuotaUsage(QuotaPeriod period, int uploads, int uploadsLimit, int verifications, int verificationsLimit,
        long storageBytes, long storageLimitBytes) {
}
