package io.certana.watermark.robust;

/**
 * Where Track B's tile lattice lies in an image under detection: period and angle of the lattice at
 * the working resolution, the fold origin, the dihedral transform and the cyclic offset found by the
 * sync search. Maps working-resolution points to tile coordinates in chips.
 *
 * @param period         tile period at the working resolution, in pixels
 * @param angle          lattice rotation, in radians (counter-clockwise in image coordinates, y down)
 * @param originX        fold origin x at the working resolution
 * @param originY        fold origin y at the working resolution
 * @param dihedral       dihedral transform index 0..7: bit 0 mirrors x, bit 1 mirrors y, bit 2 swaps axes
 * @param offsetX        cyclic offset of the tile, in chips
 * @param offsetY        cyclic offset of the tile, in chips
 * @param workingFactor  integer downscale factor from the image to the working resolution
 */
public record TileGeometry(double period, double angle, double originX, double originY, int dihedral,
                           double offsetX, double offsetY, int workingFactor) {

    /** Maps a working-resolution point to fold coordinates in chips (before the dihedral transform). */
    public double[] foldCoordinates(double x, double y) {
        double scale = RobustTile.CHIPS / period;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double dx = x - originX;
        double dy = y - originY;
        return new double[] {(cos * dx + sin * dy) * scale, (-sin * dx + cos * dy) * scale};
    }

    /**
     * Maps a working-resolution point to unwrapped tile coordinates in chips: the embedder's chip
     * grid, where chip (i, j) of tile (a, b) spans [32a + i, 32a + i + 1) x [32b + j, 32b + j + 1).
     */
    public double[] tileCoordinates(double x, double y) {
        double[] q = foldCoordinates(x, y);
        double a = (dihedral & 1) != 0 ? -q[0] : q[0];
        double b = (dihedral & 2) != 0 ? -q[1] : q[1];
        double tx = (dihedral & 4) != 0 ? b : a;
        double ty = (dihedral & 4) != 0 ? a : b;
        return new double[] {tx - offsetX, ty - offsetY};
    }

    /** Maps unwrapped tile coordinates in chips back to a working-resolution point. */
    public double[] workingPoint(double tx, double ty) {
        double sx = tx + offsetX;
        double sy = ty + offsetY;
        double a = (dihedral & 4) != 0 ? sy : sx;
        double b = (dihedral & 4) != 0 ? sx : sy;
        double qx = (dihedral & 1) != 0 ? -a : a;
        double qy = (dihedral & 2) != 0 ? -b : b;
        double scale = period / RobustTile.CHIPS;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new double[] {originX + (cos * qx - sin * qy) * scale, originY + (sin * qx + cos * qy) * scale};
    }
}
