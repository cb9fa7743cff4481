package io.certana.cli.online;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.client.CertanaClientException;
import io.certana.cli.client.ClientSettings;
import io.certana.cli.client.Registration;
import io.certana.cli.client.SettingsResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code certana register}: uploads images to asset-service, optionally waiting until they are processed. */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        description = {
                "Registers images with asset-service, which gives each a CID, invisible watermarks, perceptual "
                        + "fingerprints and a signed commitment. Needs an API key with scope write (certana login).",
                "A directory expands to the image files in it (jpg, jpeg, png, webp, tif, tiff, bmp, gif), sorted by "
                        + "path; -r includes subdirectories.",
                "Prints a table: file, asset id, status, CID, and 'existing' when the organization had registered "
                        + "the same bytes before. Exit code 0 when every file was registered (and, with --wait, "
                        + "processed), 1 when one failed; the others still run.",
        })
public final class RegisterCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions services;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Image files, or directories of images.")
    private List<Path> inputs;

    @Option(names = {"-r", "--recursive"}, description = "Include images in subdirectories of each DIR.")
    private boolean recursive;

    @Option(names = "--wait", description = "Wait until asset-service has processed each file (status completed "
            + "or failed) before printing the table.")
    private boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Maximum time that --wait waits for all files together, such as 90s, 10m or 1h "
                    + "(default: ${DEFAULT-VALUE}). Files still processing after it count as failed.")
    private Duration timeout;

    @Option(names = "--title", paramLabel = "TITLE", description = "Title stored with each asset (default: none).")
    private String title;

    @Option(names = "--json", description = "Print a JSON array of asset-service's responses, each with the file "
            + "name and 'existing', instead of the table.")
    private boolean json;

    /** One file's outcome: the latest asset body, or the error that ended it. */
    private static final class Row {
        final Path file;
        JsonNode asset;
        boolean existing;
        String error;
        /** Why the status column may be out of date: "timed out", or "status unknown" when polling failed. */
        String staleness;

        Row(Path file) {
            this.file = file;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ErrorLines errors = new ErrorLines(spec.commandLine().getErr());
        ClientSettings settings = services.resolve(SettingsResolver.forCurrentUser(), null, errors);
        if (settings == null) {
            return errors.exitCode();
        }
        if (!settings.hasApiKey()) {
            errors.report("certana: No API key is configured, and registering needs one with scope write: run "
                    + "certana login, or set " + SettingsResolver.API_KEY_VARIABLE + ".");
            return errors.exitCode();
        }
        CertanaClient client = new CertanaClient(settings);

        List<Row> rows = new ArrayList<>();
        for (Path file : ImageFiles.expand(inputs, recursive, errors)) {
            rows.add(new Row(file));
        }
        upload(client, rows, errors);
        if (await) {
            awaitProcessing(client, rows, errors);
        }

        if (json) {
            printJson(out, rows);
        } else {
            printTable(out, rows);
        }
        return errors.exitCode();
    }

    private void upload(CertanaClient client, List<Row> rows, ErrorLines errors) {
        Progress progress = Progress.start(spec.commandLine().getErr(), "registering", rows.size());
        errors.showAbove(progress);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                Registration registration = client.upload(row.file, title);
                row.asset = registration.body();
                row.existing = registration.existing();
                progress.advance(i + 1, row.file, (row.existing ? "existing, " : "accepted, ") + status(row));
            } catch (CertanaClientException e) {
                row.error = uploadMessage(e);
                progress.advance(i + 1, row.file, "failed");
                if (e.failure() == CertanaClientException.Failure.FILE_NOT_READABLE) {
                    errors.report(row.file, e);
                } else {
                    errors.report(row.file, row.error);
                }
            }
        }
        progress.finish();
        errors.showAbove(null);
    }

    private void awaitProcessing(CertanaClient client, List<Row> rows, ErrorLines errors) {
        List<Row> accepted = rows.stream().filter(row -> row.error == null).toList();
        Progress progress = Progress.start(spec.commandLine().getErr(), "processing", accepted.size());
        errors.showAbove(progress);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < accepted.size(); i++) {
            Row row = accepted.get(i);
            try {
                Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                row.asset = client.awaitProcessed(UUID.fromString(row.asset.path("id").asText()), remaining);
                String status = status(row);
                progress.advance(i + 1, row.file, status);
                if (status.equals("failed")) {
                    fail(row, "processing failed: " + row.asset.path("processingError").asText("no reason given"),
                            errors);
                } else if (!status.equals("completed")) {
                    row.staleness = "timed out";
                    fail(row, "still " + status + " after --timeout " + DurationConverter.format(timeout)
                            + "; check it later with the asset id " + row.asset.path("id").asText(), errors);
                }
            } catch (CertanaClientException e) {
                row.staleness = "status unknown";
                progress.advance(i + 1, row.file, "failed");
                fail(row, e.getMessage(), errors);
            }
        }
        progress.finish();
        errors.showAbove(null);
    }

    /** Returns the client's message, with the existing asset's CID when another organization registered the bytes. */
    private static String uploadMessage(CertanaClientException e) {
        String existingCid = e.problem().map(problem -> problem.path("existingCid").asText(null)).orElse(null);
        return existingCid == null ? e.getMessage() : e.getMessage() + " Existing CID: " + existingCid + ".";
    }

    private static void fail(Row row, String message, ErrorLines errors) {
        row.error = message;
        errors.report(row.file, message);
    }

    private static String status(Row row) {
        return row.asset.path("processingStatus").asText("unknown");
    }

    private static void printTable(PrintWriter out, List<Row> rows) {
        TextTable table = new TextTable("FILE", "ASSET ID", "STATUS", "CID", "NOTE");
        for (Row row : rows) {
            if (row.asset == null) {
                table.addRow(row.file.toString(), null, "error", null, null);
            } else {
                List<String> notes = new ArrayList<>();
                if (row.existing) {
                    notes.add("existing");
                }
                if (row.staleness != null) {
                    notes.add(row.staleness);
                }
                table.addRow(row.file.toString(), row.asset.path("id").asText(null), status(row),
                        row.asset.path("cid").asText(null), String.join(", ", notes));
            }
        }
        table.print(out);
    }

    private static void printJson(PrintWriter out, List<Row> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (Row row : rows) {
            ObjectNode item = array.addObject().put("file", row.file.toString());
            if (row.asset != null) {
                item.put("existing", row.existing);
                item.setAll((ObjectNode) row.asset);
            }
            if (row.error != null) {
                item.put("error", row.error);
            }
        }
        out.println(array.toPrettyString());
        out.flush();
    }
}
