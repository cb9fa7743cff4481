package io.certana.imaging.cid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Computes SHA-256, the raw-block CIDv1 and the Kubo-compatible UnixFS CIDv1 of a stream in one
 * pass, with memory bounded by one chunk plus one pending link list per tree level.
 *
 * <p>UnixFS layout (IPFS specs "UnixFS" and "DAG-PB"; the balanced layout of Kubo's importer):
 * the file is cut into 262144-byte chunks; each chunk is a raw leaf (CID codec raw). Leaves are
 * grouped left to right into dag-pb nodes of at most 174 links, those nodes again into groups of
 * 174, and so on until one root remains. A file of one chunk (or empty) is its single raw leaf.
 * Each dag-pb node stores, for every child, its CID and its Tsize (the child's encoded size plus
 * the Tsize of all its descendants), and UnixFS data with the file size below it and the file
 * size of each child ("blocksizes").
 */
public final class ContentIdentifierCalculator {

    /** Chunk size of Kubo's default fixed-size chunker, in bytes (256 KiB). */
    public static final int CHUNK_SIZE = 262_144;
    /** Maximum links per dag-pb node in Kubo's balanced layout. */
    public static final int MAX_LINKS = 174;

    /** One child of a dag-pb node under construction. */
    private record Link(byte[] cid, long treeSize, long fileSize) {
    }

    /** Computes the identifiers of a file. */
    public ContentIdentifiers compute(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return compute(in);
        }
    }

    /** Computes the identifiers of in-memory data. */
    public ContentIdentifiers compute(byte[] data) {
        try {
            return compute(new java.io.ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading from memory failed", e);
        }
    }

    /** Reads {@code in} to the end and computes the identifiers of its bytes. Does not close {@code in}. */
    public ContentIdentifiers compute(InputStream in) throws IOException {
        MessageDigest whole = sha256();
        MessageDigest chunkDigest = sha256();
        // levels.get(0) contains leaves not yet grouped, levels.get(1) nodes of leaves, and so on.
        List<List<Link>> levels = new ArrayList<>();
        byte[] chunk = new byte[CHUNK_SIZE];
        long size = 0;
        int leafCount = 0;
        byte[] firstLeafCid = null;

        while (true) {
            int filled = in.readNBytes(chunk, 0, CHUNK_SIZE);
            if (filled == 0 && leafCount > 0) {
                break;
            }
            whole.update(chunk, 0, filled);
            chunkDigest.update(chunk, 0, filled);
            byte[] leafCid = Cid.bytes(Cid.CODEC_RAW, chunkDigest.digest());
            size += filled;
            leafCount++;
            if (leafCount == 1) {
                firstLeafCid = leafCid;
            }
            addLink(levels, 0, new Link(leafCid, filled, filled));
            if (filled < CHUNK_SIZE) {
                break;
            }
        }

        byte[] fileDigest = whole.digest();
        String rawCid = Cid.toBase32(Cid.bytes(Cid.CODEC_RAW, fileDigest));
        String unixfsCid = leafCount == 1 ? Cid.toBase32(firstLeafCid) : Cid.toBase32(finish(levels));
        return new ContentIdentifiers(size, HexFormat.of().formatHex(fileDigest), rawCid, unixfsCid);
    }

    /** Appends a link at {@code level}; a full group of 174 becomes a node one level up. */
    private static void addLink(List<List<Link>> levels, int level, Link link) {
        while (levels.size() <= level) {
            levels.add(new ArrayList<>(MAX_LINKS));
        }
        List<Link> links = levels.get(level);
        links.add(link);
        if (links.size() == MAX_LINKS) {
            Link node = encodeNode(links);
            links.clear();
            addLink(levels, level + 1, node);
        }
    }

    /**
     * Closes the partial groups from the bottom up and returns the root CID. A level's leftover
     * links become a node unless they are the single top-most entry, which is then the root.
     */
    private static byte[] finish(List<List<Link>> levels) {
        for (int level = 0; level < levels.size(); level++) {
            List<Link> links = levels.get(level);
            boolean higherLevelsEmpty = true;
            for (int above = level + 1; above < levels.size(); above++) {
                higherLevelsEmpty &= levels.get(above).isEmpty();
            }
            if (higherLevelsEmpty && links.size() == 1) {
                return links.get(0).cid();
            }
            if (!links.isEmpty()) {
                Link node = encodeNode(links);
                links.clear();
                if (levels.size() == level + 1) {
                    levels.add(new ArrayList<>(MAX_LINKS));
                }
                levels.get(level + 1).add(node);
            }
        }
        throw new IllegalStateException("UnixFS tree has no root");
    }

    /** Encodes a dag-pb node over {@code children} and returns the link that points to it. */
    private static Link encodeNode(List<Link> children) {
        long fileSize = 0;
        long treeSize = 0;
        for (Link child : children) {
            fileSize += child.fileSize();
            treeSize += child.treeSize();
        }

        // UnixFS Data message: Type (field 1, enum File = 2), filesize (field 3),
        // blocksizes (field 4, repeated, not packed): the file bytes under each child.
        ByteArrayOutputStream unixfs = new ByteArrayOutputStream();
        Protobuf.writeUint64Field(unixfs, 1, 2);
        Protobuf.writeUint64Field(unixfs, 3, fileSize);
        for (Link child : children) {
            Protobuf.writeUint64Field(unixfs, 4, child.fileSize());
        }

        // PBNode: the Links (field 2) come before Data (field 1), as the DAG-PB specification
        // requires for a canonical encoding. Each PBLink: Hash (1), Name (2, empty), Tsize (3).
        ByteArrayOutputStream node = new ByteArrayOutputStream();
        for (Link child : children) {
            ByteArrayOutputStream link = new ByteArrayOutputStream();
            Protobuf.writeBytesField(link, 1, child.cid());
            Protobuf.writeBytesField(link, 2, new byte[0]);
            Protobuf.writeUint64Field(link, 3, child.treeSize());
            Protobuf.writeBytesField(node, 2, link.toByteArray());
        }
        Protobuf.writeBytesField(node, 1, unixfs.toByteArray());

        byte[] encoded = node.toByteArray();
        byte[] cid = Cid.bytes(Cid.CODEC_DAG_PB, sha256().digest(encoded));
        return new Link(cid, encoded.length + treeSize, fileSize);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
