package io.certana.cli.online;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void barRedrawsInPlace() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), "registering", 4, true);

        progress.advance(1, Path.of("photos/long-name.jpg"), "accepted");
        progress.advance(2, Path.of("b.png"), "accepted");
        progress.finish();

        String first = "\rregistering [#######                       ] 1/4 long-name.jpg";
        String second = "\rregistering [###############               ] 2/4 b.png";
        // The second line is padded with spaces to the first one's length, which hides its tail.
        String padding = " ".repeat(first.length() - second.length());
        assertEquals(first + second + padding + System.lineSeparator(), err.toString());
    }

    @Test
    void clearLineBlanksBarForErrors() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), "verifying", 2, true);
        ErrorLines errors = new ErrorLines(new PrintWriter(err));
        errors.showAbove(progress);

        progress.advance(1, Path.of("a.png"), "failed");
        errors.report(Path.of("a.png"), "file not found.");

        String bar = "verifying [###############               ] 1/2 a.png";
        assertEquals("\r" + bar + "\r" + " ".repeat(bar.length()) + "\r" + "certana: a.png: file not found."
                + System.lineSeparator(), err.toString());
    }

    @Test
    void linesNameFileAndOutcome() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), "processing", 2, false);

        progress.advance(1, Path.of("photos/a.png"), "completed");
        progress.finish();

        assertEquals("processing [1/2] photos/a.png: completed" + System.lineSeparator(), err.toString());
    }
}
