package io.certana.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.certana.imaging.cid.ContentIdentifierCalculator;
import io.certana.imaging.cid.ContentIdentifiers;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.metadata.ImageMetadata;
import io.certana.imaging.metadata.MetadataReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code certana inspect}: format, dimensions, orientation, metadata summary and C2PA presence of image files, as JSON. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
                "Prints one JSON object per file: format, dimensions, EXIF orientation, a metadata summary "
                        + "and C2PA presence. Metadata values are printed as data and never interpreted.",
        })
public final class InspectCommand implements Callable<Integer> {

    /** Tags copied into the summary when present: directory, tag, JSON key. */
    private static final String[][] SUMMARY_TAGS = {
            {"Exif IFD0", "Make", "camera_make"},
            {"Exif IFD0", "Model", "camera_model"},
            {"Exif IFD0", "Software", "software"},
            {"Exif SubIFD", "Date/Time Original", "date_time_original"},
    };

    @Spec
    private CommandSpec spec;

    @Option(names = "--full", description = "Include the complete exif_metadata and tiff_metadata objects.")
    private boolean full;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files to inspect.")
    private List<Path> files;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        FileFailures failures = new FileFailures(spec.commandLine().getErr());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ImageDecoder decoder = new ImageDecoder();
        MetadataReader metadataReader = new MetadataReader();
        ContentIdentifierCalculator cids = new ContentIdentifierCalculator();
        for (Path file : files) {
            try {
                if (Files.size(file) > decoder.limits().maxBytes()) {
                    // Let the decoder produce the typed size error without reading the file.
                    decoder.decode(file, DecodeMode.ORIENTED);
                }
                byte[] data = Files.readAllBytes(file);
                DecodedImage image = decoder.decode(data, DecodeMode.ORIENTED);
                ImageMetadata metadata = metadataReader.read(data);
                ContentIdentifiers ids = cids.compute(data);
                out.println(mapper.writeValueAsString(describe(mapper, file, image, metadata, ids)));
                out.flush();
            } catch (ImageDecodeException e) {
                failures.report(file, e);
            } catch (IOException e) {
                failures.report(file, e);
            }
        }
        return failures.exitCode();
    }

    private ObjectNode describe(ObjectMapper mapper, Path file, DecodedImage image, ImageMetadata metadata, ContentIdentifiers ids) {
        ObjectNode json = mapper.createObjectNode();
        json.put("file", file.toString());
        json.put("size", ids.size());
        json.put("sha256", ids.sha256());
        json.put("cid", ids.rawCid());
        json.put("format", image.format().displayName());
        json.put("media_type", image.format().mediaType());
        json.put("width", image.storedWidth());
        json.put("height", image.storedHeight());
        json.put("orientation", image.orientation());
        json.put("display_width", image.width());
        json.put("display_height", image.height());
        json.put("alpha", image.hasAlpha());
        json.put("grayscale", image.grayscaleSource());
        if (image.frameCount() >= 0) {
            json.put("frames", image.frameCount());
        }
        json.set("decoder_warnings", mapper.valueToTree(image.warnings()));
        json.set("metadata", summary(mapper, metadata));
        json.set("c2pa", metadata.c2pa());
        if (full) {
            json.set("exif_metadata", metadata.exif());
            json.set("tiff_metadata", metadata.tiff());
        }
        return json;
    }

    private static ObjectNode summary(ObjectMapper mapper, ImageMetadata metadata) {
        ObjectNode summary = mapper.createObjectNode();
        ArrayNode directories = summary.putArray("directories");
        int tags = 0;
        for (ObjectNode tree : List.of(metadata.tiff(), metadata.exif())) {
            Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isObject()) {
                    directories.add(field.getKey());
                    tags += field.getValue().size();
                }
            }
        }
        summary.put("tag_count", tags);
        for (String[] tag : SUMMARY_TAGS) {
            JsonNode tree = tag[0].equals("Exif IFD0") ? metadata.tiff() : metadata.exif();
            JsonNode value = tree.path(tag[0]).path(tag[1]);
            if (value.isTextual()) {
                summary.put(tag[2], value.asText());
            }
        }
        summary.put("gps_present", metadata.hasGps());
        summary.put("xmp_present", metadata.exif().has("XMP") || metadata.exif().has("XMP properties"));
        summary.put("iptc_present", metadata.exif().has("IPTC"));
        summary.put("icc_profile_present", metadata.exif().has("ICC Profile"));
        summary.put("truncated", metadata.exif().has("_truncated") || metadata.tiff().has("_truncated"));
        summary.set("warnings", mapper.valueToTree(metadata.warnings()));
        return summary;
    }
}
