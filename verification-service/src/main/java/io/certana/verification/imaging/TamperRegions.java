package io.certana.verification.imaging;

import java.util.ArrayList;
import java.util.List;

import io.certana.watermark.TamperMap;

/**
 * Summarises Track A's tamper map for the verdict rules. Each region gets the mean disagreement of
 * its blocks, which is about 0.5 where the content is unrelated to the mark. The map gets the count
 * of blocks that carry cells and of those that are tampered. The counts tell a pasted area, which
 * is isolated in an otherwise intact map, from the regions that resampling and strong recompression
 * scatter over an image (docs/verification.md has the measurements).
 */
public final class TamperRegions {

    /**
     * A region of the tamper map with its statistics.
     *
     * @param x left edge in pixels of the image under detection
     * @param y top edge
     * @param width width in pixels
     * @param height height in pixels
     * @param blocks tampered blocks in the region
     * @param meanScore mean disagreement of those blocks, 0..1
     */
    public record Region(int x, int y, int width, int height, int blocks, double meanScore) {
    }

    /**
     * The map as the verdict rules read it.
     *
     * @param regions the regions, largest first
     * @param scoredBlocks blocks that hold at least one Track A cell
     * @param tamperedBlocks scored blocks at or above the map's threshold
     */
    public record Summary(List<Region> regions, int scoredBlocks, int tamperedBlocks) {
    }

    private TamperRegions() {
    }

    /** Returns the regions and block counts of a map. */
    public static Summary summarise(TamperMap map) {
        int scored = 0;
        int tampered = 0;
        for (float score : map.scores()) {
            // A negative score marks a block without cells, outside the watermarked area.
            if (score >= 0) {
                scored++;
                if (score >= map.threshold()) {
                    tampered++;
                }
            }
        }
        return new Summary(describe(map), scored, tampered);
    }

    /** Returns the map's regions with their mean scores, in the map's order (largest first). */
    public static List<Region> describe(TamperMap map) {
        List<Region> regions = new ArrayList<>(map.regions().size());
        for (TamperMap.Region region : map.regions()) {
            regions.add(new Region(region.x(), region.y(), region.width(), region.height(), region.blocks(),
                    meanScore(map, region)));
        }
        return regions;
    }

    /**
     * Mean score of the tampered blocks inside the region's bounding box. The box may hold blocks of
     * a neighbouring region too; they are few next to a large region and score alike.
     */
    private static double meanScore(TamperMap map, TamperMap.Region region) {
        int firstColumn = region.x() / map.blockSize();
        int firstRow = region.y() / map.blockSize();
        int lastColumn = Math.min(map.columns() - 1, (region.x() + region.width() - 1) / map.blockSize());
        int lastRow = Math.min(map.rows() - 1, (region.y() + region.height() - 1) / map.blockSize());
        double sum = 0;
        int count = 0;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                float score = map.score(column, row);
                if (score >= map.threshold()) {
                    sum += score;
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
