package io.certana.cli.watermark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.watermark.DetectionResult;
import io.certana.watermark.Track;
import io.certana.watermark.TrackDetection;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code certana watermark detect}: reads the watermarks of many files in one process. */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = {
                "Detects the watermarks in each file (EXIF orientation applied first) and prints "
                        + "'<file><TAB><Track B payload as 16 hex digits, or ->' per file.",
                "--json prints one JSON object per line instead, with every track's status, payload and confidence "
                        + "and Track A's tamper map.",
        })
public final class DetectCommand implements Callable<Integer> {

    @ParentCommand
    private WatermarkCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--json", description = "Print one JSON object per file and line: all tracks and the tamper map.")
    private boolean json;

    @Option(names = "--files-from", paramLabel = "LIST",
            description = "Also read file paths from LIST, one per line (blank lines are skipped).")
    private Path fileList;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Image files (JPEG, PNG, GIF, BMP, TIFF, WebP).")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws JsonProcessingException {
        CommandLine commandLine = spec.commandLine();
        List<Path> inputs = new ArrayList<>(files);
        if (fileList != null) {
            inputs.addAll(readList(commandLine));
        }
        if (inputs.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "No files given: pass FILE... or --files-from LIST.");
        }
        PrintWriter out = commandLine.getOut();
        InputFailures failures = new InputFailures(commandLine.getErr());
        ObjectMapper mapper = new ObjectMapper();
        ImageDecoder decoder = new ImageDecoder();
        try (WatermarkEngine engine = engineOptions.engine(commandLine, parent.environment(), commandLine.getErr())) {
            for (Path file : inputs) {
                DetectionResult result = detect(engine, decoder, file, failures);
                if (result == null) {
                    continue;
                }
                if (json) {
                    out.println(mapper.writeValueAsString(DetectionJson.describe(mapper, file, result)));
                } else {
                    TrackDetection b = result.track(Track.B);
                    out.println(file + "\t" + (b.detected() ? String.format("%016x", b.payload().getAsLong()) : "-"));
                }
                out.flush();
            }
        }
        return failures.exitCode();
    }

    /** Decodes and detects one file; reports a failure and returns null when that is impossible. */
    private static DetectionResult detect(WatermarkEngine engine, ImageDecoder decoder, Path file, InputFailures failures) {
        try {
            DecodedImage image = decoder.decode(file, DecodeMode.ORIENTED);
            return engine.detect(image.image());
        } catch (ImageDecodeException e) {
            failures.report(file, e);
        } catch (IOException e) {
            failures.report(file, e);
        } catch (WatermarkException e) {
            failures.report(file, e.getMessage());
        }
        return null;
    }

    private List<Path> readList(CommandLine commandLine) {
        try {
            List<Path> paths = new ArrayList<>();
            for (String line : Files.readAllLines(fileList, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    paths.add(Path.of(line.strip()));
                }
            }
            return paths;
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(commandLine, "File list not found: " + fileList);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, "Cannot read file list " + fileList + ": " + e.getMessage());
        }
    }
}
