package io.certana.asset.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.certana.platform.problem.ProblemException;

class ProbeParserTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void payloadIsUnsigned64Bit() {
        assertEquals(List.of(-1L, 1L), ProbeParser.watermarkPayloads(List.of("ffffffffffffffff", "0000000000000001")));
        ProblemException error = assertThrows(ProblemException.class,
                () -> ProbeParser.watermarkPayloads(List.of("fffffffffffffffff")));
        assertEquals("watermarkPayloads[0]", error.problem().errors().get(0).field());
    }

    @Test
    void trackCAcceptsHexAndNumbers() {
        List<byte[]> values = ProbeParser.trackCPayloads(List.of(NODES.textNode("0A1B2C3D"), NODES.numberNode(4294967295L),
                NODES.textNode("abc")));
        assertArrayEquals(HexFormat.of().parseHex("0a1b2c3d"), values.get(0));
        assertArrayEquals(HexFormat.of().parseHex("ffffffff"), values.get(1));
        assertArrayEquals(HexFormat.of().parseHex("0abc"), values.get(2));
        assertThrows(ProblemException.class, () -> ProbeParser.trackCPayloads(List.of(NODES.numberNode(4294967296L))));
        assertThrows(ProblemException.class, () -> ProbeParser.trackCPayloads(List.of(NODES.textNode("g1"))));
        assertThrows(ProblemException.class, () -> ProbeParser.trackCPayloads(List.of(NODES.booleanNode(true))));
    }

    @Test
    void embeddingNeedsExactDimensions() {
        assertNull(ProbeParser.embedding("clipEmbedding", null, 768));
        assertThrows(ProblemException.class, () -> ProbeParser.embedding("clipEmbedding", new float[767], 768));
        assertThrows(ProblemException.class, () -> ProbeParser.embedding("clipEmbedding", new float[768], 768));
        float[] nan = new float[768];
        nan[3] = Float.NaN;
        assertThrows(ProblemException.class, () -> ProbeParser.embedding("clipEmbedding", nan, 768));
    }

    @Test
    void limitDefaultsAndBounds() {
        assertEquals(10, ProbeParser.limit(null));
        assertEquals(50, ProbeParser.limit(50));
        assertThrows(ProblemException.class, () -> ProbeParser.limit(51));
        assertThrows(ProblemException.class, () -> ProbeParser.limit(0));
    }

    @Test
    void tooManyHashesRejected() {
        List<String> nine = Collections.nCopies(9, "0".repeat(64));
        assertThrows(ProblemException.class, () -> ProbeParser.pdqHashes(nine));
        assertEquals(8, ProbeParser.pdqHashes(nine.subList(0, 8)).size());
    }
}
