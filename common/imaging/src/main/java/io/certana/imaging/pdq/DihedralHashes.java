package io.certana.imaging.pdq;

import java.util.List;
import java.util.Objects;

/**
 * The PDQ hashes of an image and of its seven rotated or mirrored variants, computed from one
 * DCT by sign changes and transposition, as in Meta's reference. A hash of a rotated copy of an
 * image equals (up to rounding) one of the original's dihedral hashes.
 *
 * @param original the image as given
 * @param rotate90 rotated 90° counter-clockwise
 * @param rotate180 rotated 180°
 * @param rotate270 rotated 270° counter-clockwise
 * @param flipX mirrored top to bottom (rows reversed)
 * @param flipY mirrored left to right (columns reversed)
 * @param flipPlus1 transposed about the main diagonal
 * @param flipMinus1 transposed about the anti-diagonal
 * @param quality quality of the image, shared by all eight
 */
public record DihedralHashes(
        Hash256 original,
        Hash256 rotate90,
        Hash256 rotate180,
        Hash256 rotate270,
        Hash256 flipX,
        Hash256 flipY,
        Hash256 flipPlus1,
        Hash256 flipMinus1,
        int quality) {

    /** Names of the eight variants, in the order of {@link #all()}. */
    public static final List<String> NAMES =
            List.of("original", "rotate90", "rotate180", "rotate270", "flipX", "flipY", "flipPlus1", "flipMinus1");

    public DihedralHashes {
        Objects.requireNonNull(original, "original");
    }

    /** Returns the eight hashes in the order of {@link #NAMES}. */
    public List<Hash256> all() {
        return List.of(original, rotate90, rotate180, rotate270, flipX, flipY, flipPlus1, flipMinus1);
    }
}
