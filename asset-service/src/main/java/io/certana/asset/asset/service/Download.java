package io.certana.asset.asset.service;

import java.io.InputStream;

/**
 * A stored file opened for download.
 *
 * @param content the bytes; the caller closes the stream
 * @param mediaType media type of the bytes
 * @param size length in bytes
 * @param sha256 SHA-256 of the bytes, hex (a strong ETag)
 * @param fileName name to suggest in Content-Disposition
 */
public record Download(InputStream content, String mediaType, long size, String sha256, String fileName) {
}
