package io.certana.imaging.decode;

import io.certana.imaging.TestImages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EXIF orientation samples (the same photo stored in each of the eight orientations, plus a
 * copy without the tag) look the same once decoded in {@link DecodeMode#ORIENTED}.
 */
class OrientationSamplesTest {

    /** Mean absolute green difference allowed between two JPEG encodings of the same picture. */
    private static final double SAME_PICTURE = 6.0;

    private final ImageDecoder decoder = new ImageDecoder();

    @TestFactory
    List<DynamicTest> everyOrientationMatchesUprightCopy() throws Exception {
        Path dir = TestImages.requireShared("data/corpus/orientation");
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : new String[] {"Landscape", "Portrait"}) {
            DecodedImage upright = decoder.decode(Files.readAllBytes(dir.resolve(kind + "_1.jpg")));
            for (int orientation = 0; orientation <= 8; orientation++) {
                Path file = dir.resolve(kind + "_" + orientation + ".jpg");
                int expectedOrientation = Math.max(1, orientation);
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    DecodedImage decoded = decoder.decode(Files.readAllBytes(file));

                    assertEquals(expectedOrientation, decoded.orientation());
                    assertEquals(upright.width(), decoded.width(), "width");
                    assertEquals(upright.height(), decoded.height(), "height");
                    double difference = meanGreenDifference(upright, decoded);
                    assertTrue(difference <= SAME_PICTURE, "mean difference " + difference);
                }));
            }
        }
        return tests;
    }

    @Test
    void wrongOrientationIsDetectable() throws Exception {
        Path dir = TestImages.requireShared("data/corpus/orientation");
        DecodedImage upright = decoder.decode(Files.readAllBytes(dir.resolve("Landscape_1.jpg")));
        DecodedImage rotatedStored = decoder.decode(Files.readAllBytes(dir.resolve("Landscape_3.jpg")), DecodeMode.RAW);

        // Guards the threshold above: the stored pixels of a 180° sample differ clearly.
        assertTrue(meanGreenDifference(upright, rotatedStored) > 4 * SAME_PICTURE);
    }

    private static double meanGreenDifference(DecodedImage a, DecodedImage b) {
        int[] pa = IntImages.pixels(a.image());
        int[] pb = IntImages.pixels(b.image());
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs(((pa[i] >>> 8) & 0xFF) - ((pb[i] >>> 8) & 0xFF));
        }
        return (double) sum / pa.length;
    }
}
