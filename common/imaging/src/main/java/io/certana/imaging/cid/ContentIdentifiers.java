package io.certana.imaging.cid;

/**
 * Content identifiers of one file.
 *
 * @param size length of the file in bytes
 * @param sha256 SHA-256 of the file, 64 lower-case hex digits
 * @param rawCid CIDv1 of the whole file as one raw block (codec raw, sha2-256, base32)
 * @param unixfsCid CIDv1 of the file as Kubo's {@code ipfs add --cid-version=1} imports it
 *        (UnixFS, 256 KiB chunks, balanced DAG of at most 174 links per node, raw leaves);
 *        equal to {@code rawCid} for files of at most one chunk
 */
public record ContentIdentifiers(long size, String sha256, String rawCid, String unixfsCid) {
}
