package io.certana.provenance.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CanonicalJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private String canonical(String json) throws Exception {
        return CanonicalJson.serializeToString(mapper.readTree(json));
    }

    @Test
    void membersSortedByUtf16CodeUnits() throws Exception {
        // The property-sorting example of RFC 8785 section 3.2.3.
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, canonical(input));
    }

    @Test
    void whitespaceRemovedAndNestingKept() throws Exception {
        assertEquals("{\"a\":[1,true,null,{\"b\":\"x\",\"c\":false}],\"z\":{}}",
                canonical("{ \"z\" : { }, \"a\" : [ 1 , true , null , { \"c\" : false , \"b\" : \"x\" } ] }"));
    }

    @Test
    void stringsEscapedAsEcmaScriptDoes() throws Exception {
        JsonNode value = mapper.createObjectNode().put("s", "quote\" backslash\\ tab\t nl\n unit\u001f slash/ euro\u20ac");
        assertEquals("{\"s\":\"quote\\\" backslash\\\\ tab\\t nl\\n unit\\u001f slash/ euro\u20ac\"}",
                CanonicalJson.serializeToString(value));
    }

    @Test
    void integralNumbersWrittenAsDigits() throws Exception {
        assertEquals("[0,-7,9007199254740991,5]", canonical("[-0, -7, 9007199254740991, 5.0]"));
    }

    @Test
    void unsupportedNumbersRejected() {
        assertThrows(IllegalArgumentException.class, () -> canonical("[1.5]"));
        assertThrows(IllegalArgumentException.class, () -> canonical("[9007199254740992]"));
    }

    @Test
    void loneSurrogateRejected() {
        JsonNode value = mapper.createObjectNode().put("s", "broken\ud800");
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.serialize(value));
    }
}
