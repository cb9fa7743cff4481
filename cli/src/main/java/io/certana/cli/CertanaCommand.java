package io.certana.cli;

import io.certana.cli.demo.DemoCommand;
import io.certana.cli.demo.DownCommand;
import io.certana.cli.online.LoginCommand;
import io.certana.cli.online.RegisterCommand;
import io.certana.cli.online.StatusCommand;
import io.certana.cli.online.VerifyCommand;
import io.certana.cli.proof.ProofCommand;
import io.certana.cli.watermark.WatermarkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The top-level {@code certana} command. Every subcommand is registered in the {@code subcommands}
 * list below, and nowhere else: to add one, write a picocli {@code @Command} class in its own
 * package (for example {@code io.certana.cli.watermark}) and add it to that list.
 *
 * <p>Exit codes, shared by all subcommands: {@link #EXIT_OK} when every input was processed,
 * {@link #EXIT_FAILED_INPUT} when at least one input failed (the others still ran), and picocli's
 * usage error code 2 for invalid options.
 */
@Command(
        name = "certana",
        mixinStandardHelpOptions = true,
        versionProvider = CertanaCommand.VersionProvider.class,
        description = "Certana image-provenance tools: content identifiers, perceptual hashes, image inspection, "
                + "watermarks and commitment proofs.",
        subcommands = {
                PdqCommand.class,
                CidCommand.class,
                InspectCommand.class,
                BenchCommand.class,
                WatermarkCommand.class,
                ProofCommand.class,
                LoginCommand.class,
                RegisterCommand.class,
                VerifyCommand.class,
                StatusCommand.class,
                DemoCommand.class,
                DownCommand.class,
                HelpCommand.class,
        })
public final class CertanaCommand implements Runnable {

    /** Every input was processed. */
    public static final int EXIT_OK = 0;
    /** Width of the usage help, in columns. */
    static final int USAGE_HELP_WIDTH = 100;
    /** At least one input failed. An error line on standard error names each failed input. */
    public static final int EXIT_FAILED_INPUT = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Builds the command line with the settings every entry point (main, tests) must share. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new CertanaCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Picocli's default of 80 columns splits URLs and paths in option descriptions at a dot,
        // which breaks copying them; 100 columns keep the defaults on one line.
        commandLine.setUsageHelpWidth(USAGE_HELP_WIDTH);
        return commandLine;
    }

    @Override
    public void run() {
        // Without a subcommand there is nothing to do: show the usage and fail like a usage error.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand.");
    }

    /** Reads the version from the jar manifest, which Maven fills from the project version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CertanaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"certana " + (version != null ? version : "(development build)")};
        }
    }
}
