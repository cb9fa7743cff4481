package io.certana.imaging.metadata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** Builds one size-bounded JSON object of {@code directory → tag → value}. */
final class MetadataJson {

    /** Key set on an object whose content was cut at the size limit. */
    static final String TRUNCATED_KEY = "_truncated";

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final int maxBytes;
    private final int maxValueLength;
    private int usedBytes = 2;
    private boolean truncated;

    MetadataJson(int maxBytes, int maxValueLength) {
        this.maxBytes = maxBytes;
        this.maxValueLength = maxValueLength;
    }

    /** Adds one tag; returns false (and marks the object truncated) when the size limit would be exceeded. */
    boolean put(String directory, String tag, String value) {
        String key = truncate(tag, maxValueLength);
        String text = truncate(value, maxValueLength);
        ObjectNode group = (ObjectNode) root.get(directory);
        // Approximate JSON size: quotes, colon and comma around each key and value.
        int cost = utf8Length(key) + utf8Length(text) + 6 + (group == null ? utf8Length(directory) + 6 : 0);
        if (usedBytes + cost > maxBytes) {
            truncated = true;
            return false;
        }
        if (group == null) {
            group = root.putObject(directory);
        }
        group.put(key, text);
        usedBytes += cost;
        return true;
    }

    boolean truncated() {
        return truncated;
    }

    ObjectNode build() {
        if (truncated) {
            root.put(TRUNCATED_KEY, true);
        }
        return root;
    }

    /** Cuts {@code text} to {@code maxLength} characters, ending in "…" when cut, without splitting a surrogate pair. */
    static String truncate(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
