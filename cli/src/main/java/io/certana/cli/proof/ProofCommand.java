package io.certana.cli.proof;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code certana proof}: checks the proofs that asset-service returns with a commitment. The
 * subcommands read the environment through this command, so that tests can supply their own.
 */
@Command(
        name = "proof",
        mixinStandardHelpOptions = true,
        description = "Checks a commitment's signature, its inclusion proof in an anchor batch, and the batch's "
                + "anchor in the transparency log or on an Ethereum chain.",
        subcommands = {VerifyCommand.class})
public final class ProofCommand implements Runnable {

    /** Environment variable with asset-service's base URL. */
    static final String URL_VARIABLE = "CERTANA_URL";

    /** Environment variable with an API key of scope read. */
    static final String API_KEY_VARIABLE = "CERTANA_API_KEY";

    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Reads the process environment. */
    public ProofCommand() {
        this(System.getenv());
    }

    /** Reads the given environment instead of the process's (for tests). */
    public ProofCommand(Map<String, String> environment) {
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
