package io.certana.asset.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonbTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nulCharactersAreRemoved() throws Exception {
        JsonNode metadata = JSON.readTree("""
                {"Nikon PictureControl 1": {"Picture Control Name": "STANDARD\\u0000\\u0000\\u0000",
                 "Odd": "a\\u0000b", "ke\\u0000y": ["x\\u0000", 7, true, null]}}""");
        JsonNode clean = JsonbText.clean(metadata);
        JsonNode control = clean.get("Nikon PictureControl 1");
        assertEquals("STANDARD", control.get("Picture Control Name").asText());
        assertEquals("a\uFFFDb", control.get("Odd").asText());
        assertEquals("x", control.get("ke\uFFFDy").get(0).asText());
        assertEquals(7, control.get("ke\uFFFDy").get(1).asInt());
        assertEquals(-1, clean.toString().indexOf("\\u0000"), clean.toString());
    }

    @Test
    void nullStaysNull() {
        assertNull(JsonbText.clean(null));
    }
}
