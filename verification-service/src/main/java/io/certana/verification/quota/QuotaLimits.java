package io.certana.verification.quota;

/**
 * The limits of one organization in one period.
 *
 * @param plan the organization's plan name, as identity-service reports it
 * @param uploads registrations allowed in the period
 * @param verifications verifications allowed in the period
 * @param storageBytes stored bytes allowed, originals and watermarked outputs together
 */
public record QuotaLimits(String plan, int uploads, int verifications, long storageBytes) {
}
