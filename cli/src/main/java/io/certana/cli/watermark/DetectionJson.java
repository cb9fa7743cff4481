package io.certana.cli.watermark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.TamperMap;
import io.certana.watermark.Track;
import io.certana.watermark.TrackDetection;

import java.nio.file.Path;

/**
 * The JSON form of a detection that {@code certana watermark detect --json} prints:
 * {@code {"file", "tracks": {"A"|"B"|"C": {"status", "payload", "confidence"}}, "tamper_map"}}, and
 * {@code model_bits} on Track C for models wider than 64 bits. {@code tamper_map} is null when Track
 * A could not be placed.
 */
final class DetectionJson {

    private DetectionJson() {
    }

    static ObjectNode describe(ObjectMapper mapper, Path file, DetectionResult result) {
        ObjectNode json = mapper.createObjectNode();
        json.put("file", file.toString());
        ObjectNode tracks = json.putObject("tracks");
        for (Track track : Track.values()) {
            TrackDetection detection = result.track(track);
            ObjectNode node = tracks.putObject(track.name());
            node.put("status", detection.status().name());
            node.put("payload", payloadHex(detection));
            if (track == Track.C && detection.bits().isPresent() && detection.bits().get().length() > Long.SIZE) {
                node.put("model_bits", detection.bits().get().toHex());
            }
            node.put("confidence", Math.round(detection.confidence() * 1000) / 1000.0);
        }
        if (result.tamperMap().isPresent()) {
            json.set("tamper_map", tamperMap(mapper, result.tamperMap().get()));
        } else {
            json.putNull("tamper_map");
        }
        return json;
    }

    /**
     * The payload in hex: 16 digits for a 64-bit payload (Tracks A and B, and Track C models wider
     * than 64 bits, whose payload is recovered through the keyed check), the model's bit count
     * rounded up to whole digits for narrower Track C models; null when not detected.
     */
    private static String payloadHex(TrackDetection detection) {
        if (detection.bits().isEmpty()) {
            return null;
        }
        if (detection.bits().get().length() <= Long.SIZE) {
            return detection.bits().get().toHex();
        }
        return String.format("%016x", detection.payload().getAsLong());
    }

    private static ObjectNode tamperMap(ObjectMapper mapper, TamperMap map) {
        ObjectNode node = mapper.createObjectNode();
        node.put("columns", map.columns());
        node.put("rows", map.rows());
        node.put("block_size", map.blockSize());
        node.put("threshold", map.threshold());
        node.put("global_change", map.globalChange());
        ArrayNode regions = node.putArray("regions");
        for (TamperMap.Region region : map.regions()) {
            ObjectNode r = regions.addObject();
            r.put("x", region.x());
            r.put("y", region.y());
            r.put("width", region.width());
            r.put("height", region.height());
            r.put("blocks", region.blocks());
        }
        return node;
    }
}
