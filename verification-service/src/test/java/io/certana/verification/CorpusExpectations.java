package io.certana.verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP statuses that the hostile-input corpus's catalogue (EXPECTED.md beside the files) allows
 * for each file it names, read from the column "expected Certana behaviour" of its tables.
 *
 * <p>The catalogue writes each expectation as DECODE (processed normally, so the verify endpoint
 * returns 200), a 4xx status, or STRIP (metadata removed from outputs, so the file is processed
 * too), often as alternatives ("DECODE if supported, else 415/400"). A cell is mapped as follows:
 * every 400, 413, 415 and 422 it names is allowed, and 200 is allowed when it names DECODE or STRIP,
 * allows clamping ("413 or clamp") or the first frame of an animation. "as above" adds the row
 * above's statuses. A cell that names none of these describes how a decoded file is handled
 * ("treat as 1, no exception"), so it allows 200.
 */
final class CorpusExpectations {

    private static final Pattern NAME = Pattern.compile("`([^`]+)`");
    private static final Pattern STATUS = Pattern.compile("\\b(400|413|415|422)\\b");
    /** Table cells are separated by a pipe that is not escaped as {@code \|}. */
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

    private CorpusExpectations() {
    }

    /**
     * Reads the catalogue. Tables without an "expected" column, such as the list of sources, are skipped.
     *
     * @return the allowed statuses of each file name the tables list, in catalogue order
     */
    static Map<String, Set<Integer>> read(Path catalogue) throws IOException {
        Map<String, Set<Integer>> expected = new LinkedHashMap<>();
        boolean inTable = false;
        int expectedColumn = -1;
        Set<Integer> previous = Set.of();
        for (String line : Files.readAllLines(catalogue)) {
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable) {
                // The first row of a table is its header.
                inTable = true;
                expectedColumn = expectedColumn(cells);
                continue;
            }
            Matcher names = NAME.matcher(cells.get(0));
            if (expectedColumn < 0 || cells.size() <= expectedColumn || !names.find()) {
                // The separator row under the header, or a row that names no file.
                continue;
            }
            Set<Integer> statuses = statuses(cells.get(expectedColumn), previous);
            do {
                expected.put(names.group(1), statuses);
            } while (names.find());
            previous = statuses;
        }
        return expected;
    }

    /** Maps one "expected Certana behaviour" cell to HTTP statuses; {@code previous} is the row above's. */
    static Set<Integer> statuses(String cell, Set<Integer> previous) {
        Set<Integer> statuses = new TreeSet<>();
        if (cell.startsWith("as above")) {
            statuses.addAll(previous);
        }
        Matcher status = STATUS.matcher(cell);
        while (status.find()) {
            statuses.add(Integer.parseInt(status.group(1)));
        }
        if (cell.contains("DECODE") || cell.contains("STRIP") || cell.contains("clamp")
                || cell.contains("first frame")) {
            statuses.add(200);
        }
        if (statuses.isEmpty()) {
            statuses.add(200);
        }
        return Set.copyOf(statuses);
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return CELL_SEPARATOR.splitAsStream(inner).map(String::trim).toList();
    }

    /** Returns the index of the header's "expected …" column, or -1 when the table has none. */
    private static int expectedColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).startsWith("expected")) {
                return i;
            }
        }
        return -1;
    }
}
