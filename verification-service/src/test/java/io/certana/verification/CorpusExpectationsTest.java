package io.certana.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping of the corpus catalogue's expectations to HTTP statuses. */
class CorpusExpectationsTest {

    @Test
    void cellsMapToStatuses() {
        Map<String, Set<Integer>> cases = Map.of(
                "DECODE", Set.of(200),
                "400", Set.of(400),
                "413 before any allocation", Set.of(413),
                "DECODE if supported, else 415/400 with a clear message", Set.of(200, 400, 415),
                "415 (or DECODE via TwelveMonkeys)", Set.of(200, 415),
                "413 or clamp", Set.of(200, 413),
                "policy: first frame only, or 415 for animations", Set.of(200, 415),
                "metadata read terminates; DECODE; STRIP", Set.of(200),
                "treat as 1, no exception", Set.of(200));
        cases.forEach((cell, statuses) -> assertEquals(statuses, CorpusExpectations.statuses(cell, Set.of()), cell));
    }

    @Test
    void asAboveRepeatsPreviousRow() {
        assertEquals(Set.of(400, 415), CorpusExpectations.statuses("as above", Set.of(400, 415)));
        assertEquals(Set.of(200, 415), CorpusExpectations.statuses("as above; STRIP", Set.of(415)));
    }

    @Test
    void readsOnlyExpectedColumns(@TempDir Path folder) throws IOException {
        Path catalogue = folder.resolve("EXPECTED.md");
        Files.writeString(catalogue, """
                | short | repository | licence |
                |---|---|---|
                | `TM` | some/repo | BSD |

                | file (in `files/`) | source | what it exercises | expected Certana behaviour | plain ImageIO |
                |---|---|---|---|---|
                | `a.png` | PIL | broken header | 400 | FAIL: x \\| y |
                | `b.jpg`<br>`c.jpg` | GENERATED | pair | as above | null |
                | `d.gif` | PIL | extents | 413 or clamp | OK |
                """);

        Map<String, Set<Integer>> expected = CorpusExpectations.read(catalogue);

        assertFalse(expected.containsKey("TM"), "a table without an expected column is skipped");
        assertEquals(Set.of(400), expected.get("a.png"));
        assertEquals(Set.of(400), expected.get("b.jpg"));
        assertEquals(Set.of(400), expected.get("c.jpg"));
        assertEquals(Set.of(200, 413), expected.get("d.gif"));
        assertEquals(4, expected.size());
    }
}
