package io.certana.watermark;

import java.util.List;

/**
 * Track A's block-level tamper map in the coordinates of the image under detection.
 *
 * <p>The image is divided into {@code columns} x {@code rows} blocks of {@code blockSize} pixels.
 * Each score is the mean disagreement of the Track A cells whose centres fall in that block: 0 means
 * every cell carries its expected bit exactly, about 0.5 is what unrelated content gives, and a
 * negative value marks a block with no cell inside (outside the watermarked area).
 *
 * @param columns       blocks across
 * @param rows          blocks down
 * @param blockSize     block side in pixels of the image under detection
 * @param scores        row-major block scores
 * @param threshold     score at or above which a block counts as tampered
 * @param regions       bounding boxes of 4-connected tampered blocks, largest first
 * @param globalChange  true when most blocks disagree, which a global edit (brightness, contrast,
 *                      strong recompression) causes; the map then says nothing about local edits
 */
public record TamperMap(int columns, int rows, int blockSize, float[] scores, float threshold, List<Region> regions,
                        boolean globalChange) {

    /** A tampered area: bounding box in image pixels, and the number of tampered blocks inside. */
    public record Region(int x, int y, int width, int height, int blocks) {
    }

    public float score(int column, int row) {
        return scores[row * columns + column];
    }
}
