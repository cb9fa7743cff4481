package io.certana.asset.asset.rest;

import java.time.Instant;
import java.util.UUID;

/** Body of the upload response (202 for a new registration, 200 for an existing asset). */
public record UploadAcceptedView(UUID id, String cid, String ipfsCid, String contentHash, String processingStatus,
        Instant createdAt) {
}
