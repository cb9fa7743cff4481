package io.certana.imaging.decode;

import com.twelvemonkeys.imageio.color.ColorProfiles;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ProfileDataException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Applies the ICC profile of a PNG iCCP chunk (PNG specification, third edition, section 11.3.3.3),
 * which the JDK's PNG reader ignores.
 */
final class PngIccProfile {

    /** Maximum size of an inflated profile, in bytes (real profiles stay below 1 MiB). */
    private static final int MAX_PROFILE_BYTES = 4 * 1024 * 1024;

    private PngIccProfile() {
    }

    /**
     * Converts {@code image} from the colour space of a PNG iCCP profile to sRGB. A profile that
     * cannot be read (damaged zlib stream, invalid ICC data, CMYK or Lab profile) is ignored with
     * a warning.
     */
    static BufferedImage apply(BufferedImage image, byte[] compressed, List<String> warnings) {
        ICC_Profile profile;
        try {
            profile = ColorProfiles.createProfile(inflateBounded(compressed, MAX_PROFILE_BYTES));
        } catch (DataFormatException | IllegalArgumentException e) {
            warnings.add("PNG ICC profile ignored: " + e.getMessage());
            return image;
        }
        if (ColorProfiles.isCS_sRGB(profile)) {
            return image;
        }
        int type = profile.getColorSpaceType();
        if (type != ColorSpace.TYPE_RGB && type != ColorSpace.TYPE_GRAY) {
            warnings.add("PNG ICC profile ignored: it is not an RGB or grey profile");
            return image;
        }
        try {
            return SrgbConverter.convertFromProfile(image, profile);
        } catch (CMMException | ProfileDataException e) {
            warnings.add("PNG ICC profile ignored: colour conversion failed: " + e.getMessage());
            return image;
        }
    }

    /** Inflates a zlib stream, failing when the output would exceed {@code maxBytes}. */
    private static byte[] inflateBounded(byte[] compressed, int maxBytes) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("zlib stream ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new DataFormatException("profile is larger than " + maxBytes + " bytes");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
