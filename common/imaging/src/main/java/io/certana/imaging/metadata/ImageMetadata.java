package io.certana.imaging.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Metadata of one file as JSON trees for the asset's {@code exif_metadata}, {@code tiff_metadata}
 * and {@code c2pa_metadata} columns. All values are strings or numbers copied as data: nothing is
 * interpreted, evaluated or fetched. Callers that render them (HTML, logs) must escape them.
 *
 * @param exif Exif sub-IFD, GPS, interoperability and maker-note text tags, IPTC, XMP and other
 *        directories, keyed by directory name then tag name
 * @param tiff IFD0 and IFD1 (TIFF-level tags such as Make, Model, Orientation, resolution)
 * @param c2pa C2PA presence, active manifest label and claim generator
 * @param warnings problems met while reading (damaged directories, limits reached)
 */
public record ImageMetadata(ObjectNode exif, ObjectNode tiff, ObjectNode c2pa, List<String> warnings) {

    public ImageMetadata {
        warnings = List.copyOf(warnings);
    }

    /** Returns whether {@code c2pa_metadata} reports a manifest store in the file. */
    public boolean c2paPresent() {
        return c2pa.path("present").asBoolean(false);
    }

    /** Returns whether any GPS tag was recorded (outputs never carry them, see the encode package). */
    public boolean hasGps() {
        return exif.has("GPS");
    }
}
