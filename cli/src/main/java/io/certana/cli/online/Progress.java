package io.certana.cli.online;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Progress of a command over several files on standard error: a bar redrawn in place when a person
 * watches a terminal and there is more than one file, else one plain line per file, which logs
 * and pipes keep readable.
 */
final class Progress {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final String phase;
    private final int total;
    private final boolean bar;
    private int lastLength;

    /** Reports progress as a bar ({@code bar} true) or as lines; {@link #start} chooses for real runs. */
    Progress(PrintWriter err, String phase, int total, boolean bar) {
        this.err = err;
        this.phase = phase;
        this.total = total;
        this.bar = bar;
    }

    /**
     * Starts reporting a phase such as "registering" over {@code total} files. The bar is used
     * when {@code System.console() != null}, the terminal test that Java 17 offers. The console
     * exists only when standard input and output are both terminals, so a redirected standard
     * error alone still receives the bar.
     */
    static Progress start(PrintWriter err, String phase, int total) {
        return new Progress(err, phase, total, total > 1 && System.console() != null);
    }

    /** Reports that file number {@code done} (counting from 1) finished with an outcome such as "accepted". */
    void advance(int done, Path file, String outcome) {
        if (bar) {
            int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
            String line = phase + " [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/"
                    + total + " " + file.getFileName();
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            err.println(phase + " [" + done + "/" + total + "] " + file + ": " + outcome);
        }
        err.flush();
    }

    /** Ends the bar's line, so that later output starts on a new line. */
    void finish() {
        if (bar && lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }

    /** Blanks the bar's line, so that an error line can take its place; the next update redraws the bar. */
    void clearLine() {
        if (bar && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }
}
