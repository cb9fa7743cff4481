package io.certana.cli.proof;

import java.io.PrintWriter;

/**
 * The checks of one verification, printed as they run: one line per check with its outcome
 * ({@code ok}, {@code FAILED} or {@code skipped}), its name and what was found.
 */
final class CheckReport {

    private final PrintWriter out;
    private int passed;
    private int failed;
    private int skipped;

    CheckReport(PrintWriter out) {
        this.out = out;
    }

    void ok(String check, String detail) {
        passed++;
        line("ok", check, detail);
    }

    void failed(String check, String detail) {
        failed++;
        line("FAILED", check, detail);
    }

    void skipped(String check, String detail) {
        skipped++;
        line("skipped", check, detail);
    }

    /** Records a check that holds when {@code condition} is true. */
    void check(boolean condition, String check, String okDetail, String failedDetail) {
        if (condition) {
            ok(check, okDetail);
        } else {
            failed(check, failedDetail);
        }
    }

    boolean anyFailed() {
        return failed > 0;
    }

    /** Prints the closing line. */
    void summary() {
        if (failed == 0) {
            out.printf("verified: %d check(s) passed, %d skipped%n", passed, skipped);
        } else {
            out.printf("NOT verified: %d check(s) failed, %d passed, %d skipped%n", failed, passed, skipped);
        }
        out.flush();
    }

    private void line(String outcome, String check, String detail) {
        out.printf("%-8s %-22s %s%n", outcome, check, detail);
        out.flush();
    }
}
