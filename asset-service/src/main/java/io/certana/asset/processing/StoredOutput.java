package io.certana.asset.processing;

import java.util.Set;

import io.certana.imaging.cid.ContentIdentifiers;
import io.certana.watermark.EmbedResult;
import io.certana.watermark.Track;

/**
 * The watermarked output of a registration, stored in the blob store, ready to be recorded.
 *
 * @param ids SHA-256, CIDs and size of the encoded output
 * @param mediaType image/jpeg or image/png
 * @param storageKey blob store key
 * @param embedding quality figures of the embedding
 * @param tracks tracks embedded
 * @param quotaReserved storage bytes reserved for the output (0 when quotas are off)
 */
record StoredOutput(ContentIdentifiers ids, String mediaType, String storageKey, EmbedResult embedding,
        Set<Track> tracks, long quotaReserved) {
}
