package io.certana.cli.online;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plain-text table for standard output: a header row, then one row per item, columns separated
 * by two spaces and padded to their widest cell. Missing cells print as {@code -}. Widths count
 * code points, so wide (East Asian) characters misalign their column.
 */
final class TextTable {

    private static final String EMPTY_CELL = "-";
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final Set<Integer> rightAligned = new HashSet<>();

    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /** Aligns a column's cells to the right, as numbers read best. */
    TextTable alignRight(int column) {
        rightAligned.add(column);
        return this;
    }

    /** Adds a row; null or blank cells print as {@code -}. */
    TextTable addRow(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("Expected " + columns + " cells, got " + cells.length + ": "
                    + Arrays.toString(cells));
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = cells[i] == null || cells[i].isBlank() ? EMPTY_CELL : cells[i];
        }
        rows.add(row);
        return this;
    }

    /** Writes the table, without trailing spaces on any line. */
    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    line.append(GAP);
                }
                String padding = " ".repeat(widths[i] - width(row[i]));
                if (rightAligned.contains(i)) {
                    line.append(padding).append(row[i]);
                } else {
                    line.append(row[i]).append(padding);
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
