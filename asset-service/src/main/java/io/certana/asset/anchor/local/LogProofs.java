package io.certana.asset.anchor.local;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.certana.asset.anchor.rest.TransparencyLogViews;
import io.certana.platform.problem.ProblemException;
import io.certana.provenance.merkle.MerkleHashes;
import io.certana.provenance.signing.Ed25519Keys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Answers the transparency log's public endpoints. Proofs are served only up to the latest signed
 * tree head, because a proof is worth something only against a root the log has signed.
 */
@ApplicationScoped
public class LogProofs {

    private static final HexFormat HEX = HexFormat.of();

    private final TransparencyLog log;

    public LogProofs(TransparencyLog log) {
        this.log = log;
    }

    /** Returns the latest signed tree head; 404 while the log has none. */
    @Transactional
    public TransparencyLogViews.TreeHeadView latestTreeHead() {
        return view(requireTreeHead());
    }

    /** Returns the signed tree head of one size; 404 when the log never signed that size. */
    @Transactional
    public TransparencyLogViews.TreeHeadView treeHead(long treeSize) {
        return view(log.treeHead(treeSize).orElseThrow(() -> ProblemException.notFound(
                "The transparency log has no signed tree head of size " + treeSize + ".")));
    }

    /**
     * Returns a consistency proof between two sizes.
     *
     * @param second the larger size, or null for the latest signed tree head
     */
    @Transactional
    public TransparencyLogViews.ConsistencyView consistency(long first, Long second) {
        long signed = requireTreeHead().head().treeSize();
        long to = second == null ? signed : second;
        if (to < 1 || to > signed) {
            throw ProblemException.invalidField("second", "must be between 1 and the latest signed tree size, " + signed);
        }
        if (first < 0 || first > to) {
            throw ProblemException.invalidField("first", "must be between 0 and second (" + to + ")");
        }
        return new TransparencyLogViews.ConsistencyView(first, to, hex(log.consistencyProof(first, to)));
    }

    /**
     * Returns an inclusion proof of an entry, given by its index or by its batch root.
     *
     * @param treeSize size of the tree to prove against, or null for the latest signed tree head
     */
    @Transactional
    public TransparencyLogViews.InclusionView inclusion(Long leafIndex, byte[] batchRoot, Long treeSize) {
        long signed = requireTreeHead().head().treeSize();
        long size = treeSize == null ? signed : treeSize;
        if (size < 1 || size > signed) {
            throw ProblemException.invalidField("treeSize", "must be between 1 and the latest signed tree size, " + signed);
        }
        long index;
        if (leafIndex != null) {
            index = leafIndex;
        } else {
            index = log.indexOf(batchRoot).orElseThrow(() -> ProblemException.notFound(
                    "The transparency log has no entry with batch root " + HEX.formatHex(batchRoot) + "."));
        }
        if (index < 0 || index >= size) {
            throw ProblemException.invalidField(leafIndex != null ? "leafIndex" : "batchRoot",
                    "the entry " + index + " is not within the tree of " + size + " entries");
        }
        byte[] root = log.entry(index).orElseThrow();
        return new TransparencyLogViews.InclusionView(index, size, HEX.formatHex(root),
                HEX.formatHex(MerkleHashes.leaf(root)), hex(log.inclusionProof(index, size)));
    }

    private TransparencyLog.SignedTreeHead requireTreeHead() {
        Optional<TransparencyLog.SignedTreeHead> head = log.latestTreeHead();
        return head.orElseThrow(() -> ProblemException.notFound(
                "The transparency log has no signed tree head yet: no batch has been anchored in it."));
    }

    private static TransparencyLogViews.TreeHeadView view(TransparencyLog.SignedTreeHead signed) {
        return new TransparencyLogViews.TreeHeadView(signed.head().treeSize(), HEX.formatHex(signed.head().rootHash()),
                signed.head().timestamp(), signed.head().issuedAt(), Base64.getEncoder().encodeToString(signed.signature()),
                "Ed25519", signed.keyRef(), Ed25519Keys.toPem(signed.publicKey()));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
