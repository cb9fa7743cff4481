package io.certana.cli.online;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certana.cli.client.CertanaClient;
import io.certana.cli.client.CertanaClientException;
import io.certana.cli.client.ClientSettings;
import io.certana.cli.client.SettingsResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code certana verify}: sends copies of images to verification-service and prints whether each is authentic, forged or unknown. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
                "Verifies copies of images with verification-service: authentic (traces to a registered image, "
                        + "changed only by benign edits), forged (altered content or an invalid commitment) or "
                        + "unknown (nothing ties it to a registered image).",
                "Sends the configured API key (scope verify), or verifies anonymously under the per-address "
                        + "limit when none is configured. A directory expands to the image files in it (with -r, also "
                        + "in its subdirectories).",
                "Prints a table: file, verdict, confidence, matched asset and a summary of the evidence. Exit code "
                        + "0 when every request succeeded, whatever the verdicts, and 1 when one failed.",
        })
public final class VerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions services;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files to verify, or directories of them.")
    private List<Path> inputs;

    @Option(names = {"-r", "--recursive"}, description = "Include images in subdirectories of each directory.")
    private boolean recursive;

    @Option(names = "--json", description = "Print a JSON array of verification-service's full responses, each with "
            + "the file name, instead of the table.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ErrorLines errors = new ErrorLines(spec.commandLine().getErr());
        ClientSettings settings = services.resolve(SettingsResolver.forCurrentUser(), null, errors);
        if (settings == null) {
            return errors.exitCode();
        }
        CertanaClient client = new CertanaClient(settings);

        List<Path> files = ImageFiles.expand(inputs, recursive, errors);
        List<JsonNode> answers = new ArrayList<>();
        Progress progress = Progress.start(spec.commandLine().getErr(), "verifying", files.size());
        errors.showAbove(progress);
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            ObjectNode answer = JSON.createObjectNode().put("file", file.toString());
            try {
                answer.setAll((ObjectNode) client.verify(file));
                progress.advance(i + 1, file, answer.path("verdict").asText());
            } catch (CertanaClientException e) {
                answer.put("error", e.getMessage());
                progress.advance(i + 1, file, "failed");
                errors.report(file, e);
            }
            answers.add(answer);
        }
        progress.finish();
        errors.showAbove(null);

        if (json) {
            ArrayNode array = JSON.createArrayNode().addAll(answers);
            out.println(array.toPrettyString());
            out.flush();
        } else {
            printTable(out, answers);
        }
        return errors.exitCode();
    }

    private static void printTable(PrintWriter out, List<JsonNode> answers) {
        TextTable table = new TextTable("FILE", "VERDICT", "CONFIDENCE", "MATCHED ASSET", "EVIDENCE").alignRight(2);
        for (JsonNode answer : answers) {
            if (answer.has("error")) {
                table.addRow(answer.path("file").asText(), "error", null, null, null);
            } else {
                table.addRow(answer.path("file").asText(), answer.path("verdict").asText(),
                        String.format(Locale.ROOT, "%.2f", answer.path("confidence").asDouble()),
                        answer.path("matchedAsset").path("id").asText(null), EvidenceSummary.of(answer));
            }
        }
        table.print(out);
    }
}
