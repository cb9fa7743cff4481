package io.certana.asset.processing;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes metadata JSON storable in PostgreSQL {@code jsonb}, which rejects the character U+0000 in
 * strings and keys ("unsupported Unicode escape sequence", SQLSTATE 22P05). Metadata read from
 * files carries such characters, for example in text chunks, EXIF strings and maker notes.
 */
public final class JsonbText {

    /** Replacement of U+0000 inside a string: U+FFFD, the replacement character, so the position stays visible. */
    static final String REPLACEMENT = "\uFFFD";

    private JsonbText() {
    }

    /** Returns a copy of {@code node} without U+0000 in any string or key; null stays null. */
    public static JsonNode clean(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(clean(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(clean(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(clean(field.getKey()), clean(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    /** Drops trailing U+0000 (the padding of fixed-length C strings, as in maker notes) and replaces the rest. */
    private static String clean(String text) {
        if (text.indexOf('\0') < 0) {
            return text;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(0, end).replace("\0", REPLACEMENT);
    }
}
