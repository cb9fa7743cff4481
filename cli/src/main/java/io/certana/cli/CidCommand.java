package io.certana.cli;

import io.certana.imaging.cid.ContentIdentifierCalculator;
import io.certana.imaging.cid.ContentIdentifiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code certana cid}: IPFS content identifiers of files (any content, not only images). */
@Command(
        name = "cid",
        mixinStandardHelpOptions = true,
        description = {
                "Prints '<raw cid> <unixfs cid> <file>' for each file.",
                "raw cid: CIDv1 of the whole file as one raw block (sha2-256, base32). "
                        + "unixfs cid: the CIDv1 'ipfs add --cid-version=1' gives "
                        + "(256 KiB chunks, 174 links per node, raw leaves)."
        })
public final class CidCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sha256", description = "Print the SHA-256 (hex) as an extra first column.")
    private boolean sha256;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to identify.")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FileFailures failures = new FileFailures(spec.commandLine().getErr());
        ContentIdentifierCalculator calculator = new ContentIdentifierCalculator();
        for (Path file : files) {
            try {
                ContentIdentifiers ids = calculator.compute(file);
                out.println((sha256 ? ids.sha256() + " " : "") + ids.rawCid() + " " + ids.unixfsCid() + " " + file);
                out.flush();
            } catch (IOException e) {
                failures.report(file, e);
            }
        }
        return failures.exitCode();
    }
}
