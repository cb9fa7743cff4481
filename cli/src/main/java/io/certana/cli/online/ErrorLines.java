package io.certana.cli.online;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.certana.cli.CertanaCommand;
import io.certana.cli.client.CertanaClientException;

/**
 * Prints failures as {@code certana: SUBJECT: message} on standard error and counts them, so that a
 * command goes on with the next file and still exits with {@link CertanaCommand#EXIT_FAILED_INPUT}.
 */
final class ErrorLines {

    private final PrintWriter err;
    private Progress progress;
    private int count;

    ErrorLines(PrintWriter err) {
        this.err = err;
    }

    /** Clears the progress bar's line before each error line, so the two do not overlap. */
    void showAbove(Progress progress) {
        this.progress = progress;
    }

    /** Reports a failure about a file or another subject such as a service. */
    void report(Object subject, String message) {
        report("certana: " + subject + ": " + message);
    }

    /**
     * Reports a failed request about a file. A message that names the file already (the file
     * could not be read) is printed without repeating it.
     */
    void report(Path file, CertanaClientException e) {
        if (e.failure() == CertanaClientException.Failure.FILE_NOT_READABLE) {
            report("certana: " + e.getMessage());
        } else {
            report(file, e.getMessage());
        }
    }

    /** Reports a failure that concerns no single file. */
    void report(String line) {
        if (progress != null) {
            progress.clearLine();
        }
        err.println(line);
        err.flush();
        count++;
    }

    boolean any() {
        return count > 0;
    }

    /** Returns {@link CertanaCommand#EXIT_OK} when nothing failed, else {@link CertanaCommand#EXIT_FAILED_INPUT}. */
    int exitCode() {
        return count == 0 ? CertanaCommand.EXIT_OK : CertanaCommand.EXIT_FAILED_INPUT;
    }
}
