package io.certana.imaging.pdq;

import io.certana.imaging.TestImages;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecoder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Meta's reference PDQ values (C++ tool on full-resolution stored pixels, alpha dropped, EXIF
 * orientation not applied) for the images in data/pdq under certana.shared.dir.
 */
class PdqReferenceVectorsTest {

    /** Columns of vectors.tsv. */
    private static final int FILE = 0;
    private static final int FORMAT = 1;
    private static final int HASH = 5;
    private static final int QUALITY = 6;
    private static final int FIRST_DIHEDRAL = 7;

    /**
     * NOTE: lossy WebP is decoded by TwelveMonkeys' own VP8 decoder, whose pixels differ slightly
     * from libwebp's (which the reference used), so WebP rows may differ by a few bits.
     */
    private static final int WEBP_TOLERANCE_BITS = 8;

    @TestFactory
    List<DynamicTest> hashesMatchReference() throws Exception {
        Path dir = TestImages.requireShared("data/pdq");
        List<String> lines = Files.readAllLines(dir.resolve("vectors.tsv"));
        ImageDecoder decoder = new ImageDecoder();
        PdqHasher hasher = new PdqHasher();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t", -1);
            tests.add(DynamicTest.dynamicTest(columns[FILE], () -> {
                byte[] data = Files.readAllBytes(dir.resolve("images").resolve(columns[FILE]));
                DecodedImage image = decoder.decode(data, DecodeMode.RAW);
                boolean webp = "WEBP".equals(columns[FORMAT]);

                PdqHash hash = hasher.hash(image);
                Hash256 expected = Hash256.fromHex(columns[HASH]);
                if (webp) {
                    assertTrue(hash.hash().hammingDistance(expected) <= WEBP_TOLERANCE_BITS,
                            "distance " + hash.hash().hammingDistance(expected));
                } else {
                    assertEquals(expected.toHex(), hash.hash().toHex(), "hash");
                }
                assertEquals(Integer.parseInt(columns[QUALITY]), hash.quality(), "quality");

                DihedralHashes dihedral = hasher.hashDihedral(image);
                assertEquals(hash.hash(), dihedral.original(), "dihedral original");
                for (int i = 1; i < 8; i++) {
                    Hash256 reference = Hash256.fromHex(columns[FIRST_DIHEDRAL + i - 1]);
                    Hash256 actual = dihedral.all().get(i);
                    if (webp) {
                        int distance = actual.hammingDistance(reference);
                        assertTrue(distance <= WEBP_TOLERANCE_BITS, DihedralHashes.NAMES.get(i) + " distance " + distance);
                    } else {
                        assertEquals(reference.toHex(), actual.toHex(), DihedralHashes.NAMES.get(i));
                    }
                }
            }));
        }
        return tests;
    }
}
