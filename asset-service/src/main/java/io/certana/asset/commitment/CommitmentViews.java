package io.certana.asset.commitment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.certana.asset.anchor.rest.ProofView;
import io.certana.provenance.signing.Ed25519Keys;

/** Builds {@link CommitmentView}s from stored commitments and keys. */
public final class CommitmentViews {

    private CommitmentViews() {
    }

    /**
     * Builds the view of a commitment.
     *
     * @param proof its inclusion proof and anchor, or null until it is batched
     */
    public static CommitmentView of(Commitment commitment, SigningKey key, ProofView proof) {
        return new CommitmentView(
                commitment.commitmentHash,
                new String(commitment.payload, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(commitment.signature),
                key.algorithm,
                Ed25519Keys.toPem(Ed25519Keys.publicKeyFromSpki(key.publicKey)),
                commitment.keyRef,
                commitment.network,
                commitment.txHash,
                commitment.confirmationStatus,
                commitment.blockHeight,
                proof,
                commitment.createdAt);
    }
}
