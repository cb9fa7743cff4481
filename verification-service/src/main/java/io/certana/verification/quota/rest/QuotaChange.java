package io.certana.verification.quota.rest;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Body of the internal {@code reserve} and {@code release} calls from asset-service.
 *
 * @param uploads registrations to count, 0 or more
 * @param storageBytes stored bytes to count, 0 or more
 * @param assetId the asset the change belongs to, for the log
 */
public record QuotaChange(@NotNull @Min(0) Integer uploads, @NotNull @Min(0) Long storageBytes, UUID assetId) {
}
