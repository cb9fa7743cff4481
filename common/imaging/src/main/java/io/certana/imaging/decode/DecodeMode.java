package io.certana.imaging.decode;

/** Mode of turning stored samples into the output raster of {@link ImageDecoder}. */
public enum DecodeMode {
    /**
     * The image as a viewer shows it: EXIF orientation applied, and RGB or grey data with an
     * embedded ICC profile other than sRGB converted to sRGB. Watermarking, fingerprints and the
     * services use this mode.
     */
    ORIENTED,
    /**
     * The stored samples: no EXIF orientation, and RGB or grey values kept as coded even when an
     * ICC profile is embedded. CMYK and YCCK are still converted to RGB, because there are no
     * stored RGB values. This is how Meta's PDQ reference tools read pixels, so PDQ hashes that
     * must match theirs use this mode.
     */
    RAW
}
