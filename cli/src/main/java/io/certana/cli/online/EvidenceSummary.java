package io.certana.cli.online;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Condenses the evidence of a verify response into a short phrase for a table cell, such as
 * "hash match, watermark B 0.97, PDQ 0" or "no match". The full evidence is in {@code --json}.
 */
final class EvidenceSummary {

    private EvidenceSummary() {
    }

    /** Returns the summary of {@code answer}, the whole body of {@code POST /api/v1/verify}. */
    static String of(JsonNode answer) {
        JsonNode evidence = answer.path("evidence");
        List<String> parts = new ArrayList<>();
        if (evidence.path("contentHashMatch").asBoolean(false)) {
            parts.add("hash match");
        }

        StringBuilder tracks = new StringBuilder();
        for (String track : List.of("a", "b", "c")) {
            JsonNode result = evidence.path("watermark").path("tracks").path(track);
            if (result.path("detected").asBoolean(false)) {
                tracks.append(' ').append(track.toUpperCase(Locale.ROOT)).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", result.path("confidence").asDouble()));
            }
        }
        if (!tracks.isEmpty()) {
            parts.add("watermark" + tracks);
        }

        JsonNode fingerprint = evidence.path("fingerprint");
        if (fingerprint.path("matchFound").asBoolean(false)) {
            if (fingerprint.hasNonNull("pdqDistance")) {
                parts.add("PDQ " + fingerprint.path("pdqDistance").asInt());
            } else if (fingerprint.hasNonNull("similarity")) {
                parts.add(String.format(Locale.ROOT, "similarity %.2f", fingerprint.path("similarity").asDouble()));
            } else {
                parts.add("fingerprint match");
            }
        }

        JsonNode tamper = evidence.path("tamper");
        if (tamper.path("detected").asBoolean(false)) {
            int regions = tamper.path("regions").size();
            parts.add("tamper " + regions + (regions == 1 ? " region" : " regions"));
        }
        if (answer.hasNonNull("matchedAsset") && !evidence.path("commitment").path("signatureValid").asBoolean(true)) {
            parts.add("signature invalid");
        }
        return parts.isEmpty() ? "no match" : String.join(", ", parts);
    }
}
