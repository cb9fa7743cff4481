package io.certana.cli;

import io.certana.imaging.decode.ImageDecodeException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reports per-file failures as one line on standard error ({@code certana: FILE: message}) and
 * remembers whether any occurred, so that a command can go on with the next file and still exit
 * with {@link CertanaCommand#EXIT_FAILED_INPUT}.
 */
public final class FileFailures {

    private final PrintWriter err;
    private int count;

    public FileFailures(PrintWriter err) {
        this.err = err;
    }

    /** Reports a rejected image, with the HTTP status a service responds with. */
    public void report(Path file, ImageDecodeException e) {
        line(file, e.getMessage() + " (" + e.kind() + ", HTTP " + e.httpStatus() + ")");
    }

    /** Reports a file that could not be read. */
    public void report(Path file, IOException e) {
        String message = e instanceof NoSuchFileException ? "file not found" : "cannot read file: " + e.getMessage();
        line(file, message);
    }

    private void line(Path file, String message) {
        err.println("certana: " + file + ": " + message);
        err.flush();
        count++;
    }

    /** Returns the exit code for the command: {@link CertanaCommand#EXIT_OK} when nothing failed. */
    public int exitCode() {
        return count == 0 ? CertanaCommand.EXIT_OK : CertanaCommand.EXIT_FAILED_INPUT;
    }
}
