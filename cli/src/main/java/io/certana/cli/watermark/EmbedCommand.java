package io.certana.cli.watermark;

import io.certana.imaging.decode.DecodeMode;
import io.certana.imaging.decode.DecodedImage;
import io.certana.imaging.decode.ImageDecodeException;
import io.certana.imaging.decode.ImageDecoder;
import io.certana.imaging.encode.ImageEncoder;
import io.certana.watermark.EmbedResult;
import io.certana.watermark.Track;
import io.certana.watermark.TrackQuality;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code certana watermark embed}: marks one image and writes the result. */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        description = {
                "Marks IN with a 64-bit payload on the requested tracks and writes OUT: JPEG when OUT ends in "
                        + ".jpg or .jpeg, PNG otherwise, pixels only (no metadata). EXIF orientation is applied first.",
                "Prints the PSNR of each track's change and of the whole change, in dB.",
        })
public final class EmbedCommand implements Callable<Integer> {

    @ParentCommand
    private WatermarkCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--payload", required = true, paramLabel = "HEX",
            description = "The 64-bit payload: 1 to 16 hexadecimal digits, an optional 0x prefix.")
    private String payloadHex;

    @Option(names = "--tracks", paramLabel = "LIST",
            description = "Comma-separated tracks to embed, from a, b and c (default: a,b, and c when a model folder is configured).")
    private String trackList;

    @Option(names = "--quality", defaultValue = "92", paramLabel = "Q",
            description = "JPEG quality of OUT on libjpeg's 1..100 scale (default: ${DEFAULT-VALUE}); ignored for PNG.")
    private int quality;

    @Parameters(index = "0", paramLabel = "IN", description = "Image to mark (JPEG, PNG, GIF, BMP, TIFF, WebP).")
    private Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file; .jpg or .jpeg for JPEG, anything else for PNG.")
    private Path output;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        long payload = WatermarkArguments.payload(commandLine, payloadHex);
        if (quality < 1 || quality > 100) {
            throw new CommandLine.ParameterException(commandLine, "--quality must be within 1..100, was " + quality);
        }
        Map<String, String> environment = parent.environment();
        try (WatermarkEngine engine = engineOptions.engine(commandLine, environment, commandLine.getErr())) {
            Set<Track> tracks = trackList == null
                    ? (engine.neuralConfigured() ? EnumSet.allOf(Track.class) : EnumSet.of(Track.A, Track.B))
                    : WatermarkArguments.tracks(commandLine, trackList);
            if (tracks.contains(Track.C) && !engine.neuralConfigured()) {
                throw new CommandLine.ParameterException(commandLine, "Track C requested but no model folder is "
                        + "configured: pass --model-dir DIR or set " + EngineOptions.MODEL_VARIABLE + ".");
            }
            return embed(engine, payload, tracks);
        }
    }

    private int embed(WatermarkEngine engine, long payload, Set<Track> tracks) {
        PrintWriter out = spec.commandLine().getOut();
        InputFailures failures = new InputFailures(spec.commandLine().getErr());
        boolean jpeg = isJpegName(output);
        DecodedImage image;
        try {
            image = new ImageDecoder().decode(input, DecodeMode.ORIENTED);
        } catch (ImageDecodeException e) {
            failures.report(input, e);
            return failures.exitCode();
        } catch (IOException e) {
            failures.report(input, e);
            return failures.exitCode();
        }
        if (jpeg && image.hasAlpha()) {
            failures.report(input, "has an alpha channel, which JPEG cannot store: write OUT as .png");
            return failures.exitCode();
        }
        EmbedResult result;
        try {
            result = engine.embed(image.image(), payload, tracks);
        } catch (WatermarkException e) {
            failures.report(input, e.getMessage());
            return failures.exitCode();
        }
        ImageEncoder encoder = new ImageEncoder();
        byte[] bytes = jpeg ? encoder.encodeJpeg(result.marked(), quality / 100f) : encoder.encodePng(result.marked());
        try {
            Files.write(output, bytes);
        } catch (IOException e) {
            failures.report(output, "cannot write file: " + e.getMessage());
            return failures.exitCode();
        }
        for (Track track : Track.values()) {
            TrackQuality trackQuality = result.quality().get(track);
            if (trackQuality != null) {
                out.printf(Locale.ROOT, "track %s  PSNR %.2f dB  %s %.2f%n", track, trackQuality.psnrDb(),
                        strengthName(track), trackQuality.strength());
            }
        }
        out.printf(Locale.ROOT, "total    PSNR %.2f dB  %s%n", result.psnrDb(), output);
        out.flush();
        return failures.exitCode();
    }

    private static String strengthName(Track track) {
        return switch (track) {
            case A -> "step (luma levels)";
            case B -> "amplitude (RMS luma levels)";
            case C -> "residual gain";
        };
    }

    static boolean isJpegName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
