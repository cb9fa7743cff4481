package io.certana.asset.quota;

import java.util.UUID;

/**
 * Body of verification-service's {@code POST /internal/v1/quotas/{organizationId}/reserve} and
 * {@code …/release}.
 *
 * @param uploads registrations to count (1 for an upload, 0 when only storage changes)
 * @param storageBytes stored bytes to count
 * @param assetId the asset the change belongs to, for verification-service's records and logs
 */
public record QuotaRequest(int uploads, long storageBytes, UUID assetId) {
}
