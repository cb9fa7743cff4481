package io.certana.verification.quota.rest;

import jakarta.validation.constraints.Min;

/**
 * Body of {@code PUT /internal/v1/quotas/{organizationId}/override}: limits that replace the plan's
 * for one organization; a missing field keeps the plan's value.
 */
public record QuotaOverrideRequest(@Min(0) Integer uploads, @Min(0) Integer verifications, @Min(0) Long storageBytes) {
}
