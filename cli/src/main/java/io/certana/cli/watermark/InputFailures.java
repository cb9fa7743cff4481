package io.certana.cli.watermark;

import io.certana.cli.CertanaCommand;
import io.certana.imaging.decode.ImageDecodeException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reports per-file failures of the watermark commands as one line on standard error, in the form
 * the other certana commands use ({@code certana: FILE: message}), and keeps the exit code.
 */
final class InputFailures {

    private final PrintWriter err;
    private int count;

    InputFailures(PrintWriter err) {
        this.err = err;
    }

    void report(Path file, ImageDecodeException e) {
        report(file, e.getMessage() + " (" + e.kind() + ", HTTP " + e.httpStatus() + ")");
    }

    void report(Path file, IOException e) {
        report(file, e instanceof NoSuchFileException ? "file not found" : "cannot read file: " + e.getMessage());
    }

    void report(Path file, String message) {
        err.println("certana: " + file + ": " + message);
        err.flush();
        count++;
    }

    int count() {
        return count;
    }

    int exitCode() {
        return count == 0 ? CertanaCommand.EXIT_OK : CertanaCommand.EXIT_FAILED_INPUT;
    }
}
