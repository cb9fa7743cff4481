package io.certana.verification.verify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The evidence block of a verify response, as api.md names it, with extra fields where they help
 * a client read a verdict. Optional fields are left out when they have no value.
 *
 * @param contentHashMatch whether the file's SHA-256 equals a registered original's or watermarked output's
 * @param watermark what the watermark tracks found
 * @param fingerprint how close the nearest registered fingerprint is
 * @param commitment the check of the matched asset's signed commitment
 * @param tamper Track A's tamper map as the verdict read it
 */
public record Evidence(boolean contentHashMatch, Watermark watermark, Fingerprint fingerprint, Commitment commitment,
        Tamper tamper) {

    /**
     * @param detected whether Track B or Track A returned a payload that passed its CRC
     * @param payload that payload, 16 hex digits
     * @param tracks per track
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Watermark(boolean detected, String payload, Tracks tracks) {
    }

    public record Tracks(Track a, Track b, Track c) {
    }

    /**
     * @param detected the detector's own decision; for Track C (RivaGAN) a hint only, see docs/verification.md
     * @param confidence 0..1; at 0.5 and above the payload passed its check
     * @param configured false for Track C without a model
     */
    public record Track(boolean detected, double confidence, boolean configured) {
    }

    /**
     * @param matchFound whether a registered asset is a near-duplicate (PDQ) or, with models, similar (embeddings)
     * @param pdqDistance smallest Hamming distance (of 256 bits, best dihedral variant) to the matched or nearest asset
     * @param similarity the best embedding cosine similarity, or without embeddings 1 − pdqDistance/256
     * @param pdqQuality quality of the submitted image's PDQ hash, 0..100; below 50 distances are not used
     * @param clipSimilarity CLIP cosine similarity, with a CLIP model
     * @param dinoSimilarity DINO cosine similarity, with a DINO model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fingerprint(boolean matchFound, Integer pdqDistance, Double similarity, int pdqQuality,
            Double clipSimilarity, Double dinoSimilarity) {
    }

    /**
     * @param signatureValid whether hash, fields and Ed25519 signature of the matched commitment verify
     * @param anchored whether the commitment's inclusion proof leads to its batch root and the batch's anchor
     *     is confirmed or finalized
     * @param network the ledger, once anchored
     * @param txHash the anchoring transaction, once anchored
     * @param confirmationStatus pending, confirmed or finalized
     * @param commitmentHash SHA-256 of the signed payload
     * @param failure what did not verify, when the signature is invalid
     * @param proofValid whether the inclusion proof checks out; absent until the commitment is in a batch
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Commitment(boolean signatureValid, boolean anchored, String network, String txHash,
            String confirmationStatus, String commitmentHash, String failure, Boolean proofValid) {

        public static Commitment none() {
            return new Commitment(false, false, null, null, null, null, null, null);
        }
    }

    /**
     * @param detected whether a local edit was found
     * @param regions the edited areas in pixels of the submitted image as displayed, largest first
     * @param mapAvailable whether Track A's map could be read (only when the watermark was found)
     * @param globalChange whether most of the map disagrees, as after a brightness change or strong recompression
     * @param blockSize side of the map's blocks in pixels of the submitted image
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tamper(boolean detected, List<Region> regions, boolean mapAvailable, Boolean globalChange,
            Integer blockSize) {
    }

    /**
     * @param blocks tampered blocks inside the box
     * @param score mean disagreement of those blocks, 0..1
     */
    public record Region(int x, int y, int width, int height, int blocks, double score) {
    }
}
