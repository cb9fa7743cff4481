package io.certana.imaging.pdq;

import io.certana.imaging.TestImages;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.decode.IntImages;
import io.certana.imaging.encode.ImageEncoder;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdqHasherTest {

    private final PdqHasher hasher = new PdqHasher();

    @Test
    void imagesUnderFivePixelsGetZeroHash() {
        PdqHash hash = hasher.hash(TestImages.noise(4, 100, 1));
        assertEquals(Hash256.zero(), hash.hash());
        assertEquals(0, hash.quality());
        DihedralHashes dihedral = hasher.hashDihedral(TestImages.noise(100, 4, 1));
        assertEquals(Hash256.zero(), dihedral.rotate90());
        assertEquals(0, dihedral.quality());
    }

    @Test
    void smallestHashableImageGetsHash() {
        PdqHash hash = hasher.hash(TestImages.noise(5, 5, 2));
        assertTrue(hash.hash().bitCount() > 0);
    }

    @Test
    void flatImageHasQualityZero() {
        int[] pixels = new int[200 * 100];
        java.util.Arrays.fill(pixels, 0x808080);
        assertEquals(0, hasher.hash(IntImages.wrap(pixels, 200, 100, false)).quality());
    }

    @Test
    void hashIsAboutHalfOnes() {
        Hash256 hash = hasher.hash(TestImages.noise(300, 200, 3)).hash();
        // Bits are set above the median of 256 coefficients, so 127 or 128 are set.
        assertTrue(hash.bitCount() >= 120, "bit count " + hash.bitCount());
        assertTrue(hash.bitCount() <= 136, "bit count " + hash.bitCount());
    }

    @Test
    void alphaIsIgnored() {
        BufferedImage opaque = TestImages.noise(64, 48, 4);
        int[] transparent = IntImages.pixels(opaque).clone();
        for (int i = 0; i < transparent.length; i++) {
            transparent[i] &= 0x00FFFFFF; // alpha 0, colour unchanged
        }
        assertEquals(hasher.hash(opaque), hasher.hash(IntImages.wrap(transparent, 64, 48, true)));
    }

    @Test
    void dihedralHashesMatchTransformedPhoto() throws Exception {
        byte[] png = Files.readAllBytes(TestImages.requireSkimagePhoto("chelsea.png"));
        DecodedImage photo = new ImageDecoder().decode(png, DecodeMode.RAW);
        int width = photo.width();
        int height = photo.height();
        int[] pixels = IntImages.pixels(photo.image());
        DihedralHashes dihedral = hasher.hashDihedral(photo);

        // EXIF orientation 8 turns the stored pixels 90° counter-clockwise, 3 by 180°, 2 mirrors left-right.
        Hash256 counterClockwise = hashOf(io.certana.imaging.decode.ExifOrientation.apply(pixels, width, height, 8), height, width);
        Hash256 halfTurn = hashOf(io.certana.imaging.decode.ExifOrientation.apply(pixels, width, height, 3), width, height);
        Hash256 mirrored = hashOf(io.certana.imaging.decode.ExifOrientation.apply(pixels, width, height, 2), width, height);
        Hash256 transposed = hashOf(io.certana.imaging.decode.ExifOrientation.apply(pixels, width, height, 5), height, width);

        // The filter windows differ slightly once width and height swap, so allow a few bits.
        assertTrue(dihedral.rotate90().hammingDistance(counterClockwise) <= 16,
                "rotate90 vs counter-clockwise turn: " + dihedral.rotate90().hammingDistance(counterClockwise));
        assertTrue(dihedral.rotate180().hammingDistance(halfTurn) <= 16, "rotate180");
        assertTrue(dihedral.flipY().hammingDistance(mirrored) <= 16, "flipY vs left-right mirror");
        assertTrue(dihedral.flipPlus1().hammingDistance(transposed) <= 16, "flipPlus1 vs transpose");
        assertEquals(hasher.hash(photo).hash(), dihedral.original());
    }

    private Hash256 hashOf(int[] pixels, int width, int height) {
        return hasher.hash(IntImages.wrap(pixels, width, height, false)).hash();
    }

    @Test
    void jpegRecompressionChangesFewBits() throws Exception {
        byte[] png = Files.readAllBytes(TestImages.requireSkimagePhoto("astronaut.png"));
        DecodedImage photo = new ImageDecoder().decode(png);
        byte[] jpeg = new ImageEncoder().encodeJpeg(photo.image(), 0.75f);
        DecodedImage recompressed = new ImageDecoder().decode(jpeg);

        int distance = hasher.hash(photo).hash().hammingDistance(hasher.hash(recompressed).hash());

        assertTrue(distance <= 20, "distance after JPEG q75: " + distance);
    }
}
