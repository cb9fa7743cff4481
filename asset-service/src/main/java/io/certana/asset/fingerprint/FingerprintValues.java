package io.certana.asset.fingerprint;

import java.util.List;

import io.certana.imaging.pdq.DihedralHashes;
import io.certana.imaging.pdq.Hash256;

/**
 * Fingerprints computed from one image, ready to store or to search with.
 *
 * @param dihedral PDQ hashes of the image and its seven rotated and mirrored variants, with quality
 * @param clip unit-length CLIP embedding (768 values), or null when no CLIP model is configured
 * @param dino unit-length DINO embedding (1024 values), or null when no DINO model is configured
 * @param embeddingModel models that produced the embeddings, or null when there are none
 */
public record FingerprintValues(DihedralHashes dihedral, float[] clip, float[] dino, String embeddingModel) {

    public Hash256 pdq() {
        return dihedral.original();
    }

    public int pdqQuality() {
        return dihedral.quality();
    }

    public List<Hash256> pdqVariants() {
        return dihedral.all();
    }
}
