package io.certana.cli.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class TextTableTest {

    private static String print(TextTable table) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void columnsPadToWidestCell() {
        TextTable table = new TextTable("FILE", "VERDICT", "CONFIDENCE", "EVIDENCE").alignRight(2);
        table.addRow("coffee.png", "authentic", "1.00", "hash match, watermark B 0.97");
        table.addRow("a.jpg", "unknown", "0.00", "no match");

        assertEquals(String.join("\n",
                "FILE        VERDICT    CONFIDENCE  EVIDENCE",
                "coffee.png  authentic        1.00  hash match, watermark B 0.97",
                "a.jpg       unknown          0.00  no match",
                ""), print(table));
    }

    @Test
    void missingCellsPrintDash() {
        TextTable table = new TextTable("FILE", "ASSET ID", "NOTE");
        table.addRow("missing.jpg", null, " ");

        assertEquals("FILE         ASSET ID  NOTE\nmissing.jpg  -         -\n", print(table));
    }

    @Test
    void accentedCellsCountCharacters() {
        TextTable table = new TextTable("FILE", "STATUS");
        table.addRow("café.png", "pending");
        table.addRow("cafe-long.png", "completed");

        assertEquals("FILE           STATUS\ncafé.png       pending\ncafe-long.png  completed\n", print(table));
    }

    @Test
    void wrongCellCountIsRejected() {
        TextTable table = new TextTable("A", "B");

        assertThrows(IllegalArgumentException.class, () -> table.addRow("only one"));
    }
}
