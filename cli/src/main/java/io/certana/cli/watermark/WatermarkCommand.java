package io.certana.cli.watermark;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Map;

/**
 * {@code certana watermark}: embeds and detects Certana's invisible watermarks (Tracks A, B and C)
 * and measures their speed and false-positive rate. The subcommands read the environment through
 * this command, so that tests can supply their own.
 */
@Command(
        name = "watermark",
        mixinStandardHelpOptions = true,
        description = {
                "Embeds and detects Certana's invisible watermarks: Track A (semi-fragile, with a tamper map), "
                        + "Track B (robust) and Track C (a neural ONNX model, when configured).",
                "The secret key comes from --key-file, else from the " + EngineOptions.KEY_VARIABLE
                        + " environment variable.",
        },
        subcommands = {
                EmbedCommand.class,
                DetectCommand.class,
                WatermarkBenchCommand.class,
                FalsePositiveCommand.class,
        })
public final class WatermarkCommand implements Runnable {

    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Reads the process environment. */
    public WatermarkCommand() {
        this(System.getenv());
    }

    /** Reads the given environment instead of the process's (for tests). */
    public WatermarkCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand.");
    }
}
