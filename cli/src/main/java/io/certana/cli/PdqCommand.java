package io.certana.cli;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.pdq.DihedralHashes;
import io.certana.imaging.pdq.Hash256;
import io.certana.imaging.pdq.PdqHash;
import io.certana.imaging.pdq.PdqHasher;
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

/** {@code certana pdq}: PDQ hashes of image files. */
@Command(
        name = "pdq",
        mixinStandardHelpOptions = true,
        description = {
                "Prints the PDQ hash of each file as '<hex> <quality> <file>'.",
                "By default the stored pixels are hashed (EXIF orientation and ICC profiles not applied), "
                        + "as Meta's reference tools do, so hashes match theirs. "
                        + "--oriented hashes the image as displayed instead."
        })
public final class PdqCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dihedral", description = "Print all eight rotated and mirrored hashes, one line each, "
            + "with the variant name as fourth column.")
    private boolean dihedral;

    @Option(names = "--oriented", description = "Apply EXIF orientation and convert ICC-tagged colours to sRGB before hashing.")
    private boolean oriented;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files (JPEG, PNG, GIF, BMP, TIFF, WebP).")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FileFailures failures = new FileFailures(spec.commandLine().getErr());
        ImageDecoder decoder = new ImageDecoder();
        PdqHasher hasher = new PdqHasher();
        DecodeMode mode = oriented ? DecodeMode.ORIENTED : DecodeMode.RAW;
        for (Path file : files) {
            try {
                DecodedImage image = decoder.decode(file, mode);
                if (dihedral) {
                    DihedralHashes hashes = hasher.hashDihedral(image);
                    List<Hash256> all = hashes.all();
                    for (int i = 0; i < all.size(); i++) {
                        out.println(all.get(i).toHex() + " " + hashes.quality() + " " + file + " " + DihedralHashes.NAMES.get(i));
                    }
                } else {
                    PdqHash hash = hasher.hash(image);
                    out.println(hash.hash().toHex() + " " + hash.quality() + " " + file);
                }
                out.flush();
            } catch (ImageDecodeException e) {
                failures.report(file, e);
            } catch (IOException e) {
                failures.report(file, e);
            }
        }
        return failures.exitCode();
    }
}
