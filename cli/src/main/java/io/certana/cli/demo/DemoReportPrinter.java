package io.certana.cli.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;

/** Prints a demo report: registrations, then one row per verified file, then the totals. */
final class DemoReportPrinter {

    private DemoReportPrinter() {
    }

    static void print(DemoScenario.Report report, PrintStream out) {
        List<String[]> registrations = new ArrayList<>();
        registrations.add(new String[] {"photo", "asset", "status", "time"});
        for (DemoScenario.Registration registration : report.registrations()) {
            registrations.add(new String[] {registration.photo().getFileName().toString(),
                    registration.assetId() == null ? "-" : registration.assetId().toString(), registration.status(),
                    seconds(registration.millis())});
        }
        printTable(registrations, out);
        out.println();

        List<String[]> checks = new ArrayList<>();
        checks.add(new String[] {"photo", "copy", "expected", "verdict", "confidence", "rule", "time", "result"});
        for (DemoScenario.Check check : report.checks()) {
            checks.add(new String[] {check.photo(), check.copy(), check.expected().name().toLowerCase(Locale.ROOT),
                    check.verdict() == null ? "-" : check.verdict(),
                    check.verdict() == null ? "-" : String.format(Locale.ROOT, "%.2f", check.confidence()),
                    check.rule() == null ? "-" : check.rule(), check.millis() + " ms", result(check)});
        }
        printTable(checks, out);

        long passed = report.checks().stream().filter(DemoScenario.Check::passed).count();
        LongSummaryStatistics verifyTimes = report.checks().stream().filter(check -> check.error() == null)
                .mapToLong(DemoScenario.Check::millis).summaryStatistics();
        LongSummaryStatistics registerTimes = report.registrations().stream()
                .mapToLong(DemoScenario.Registration::millis).summaryStatistics();
        out.println();
        out.printf(Locale.ROOT, "%d of %d verdicts as expected. Registration %.1f s per photo on average, "
                + "verification %d ms on average (%d ms at most).%n", passed, report.checks().size(),
                registerTimes.getAverage() / 1000.0, Math.round(verifyTimes.getAverage()), verifyTimes.getMax());
        for (DemoScenario.Check check : report.checks()) {
            if (check.error() != null) {
                out.printf("%s %s: %s%n", check.photo(), check.copy(), check.error());
            }
        }
        out.println(report.passed() ? "Demo passed." : "Demo FAILED: see the rows marked above.");
    }

    private static String result(DemoScenario.Check check) {
        if (check.passed()) {
            return "ok";
        }
        if (check.error() != null) {
            return "ERROR";
        }
        if (check.expected().name().toLowerCase(Locale.ROOT).equals(check.verdict())) {
            return "WRONG ASSET";
        }
        return "MISMATCH";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Prints rows as left-aligned columns separated by two spaces; the first row is the header. */
    static void printTable(List<String[]> rows, PrintStream out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line);
        }
    }
}
