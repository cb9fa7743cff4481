package io.certana.cli.watermark;

import io.certana.watermark.Track;
import picocli.CommandLine;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Parsing of the payload and track-list arguments, with usage errors that name the bad value. */
final class WatermarkArguments {

    private WatermarkArguments() {
    }

    /** Parses 1 to 16 hexadecimal digits, with an optional 0x prefix, as an unsigned 64-bit payload. */
    static long payload(CommandLine commandLine, String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new CommandLine.ParameterException(commandLine, "Invalid --payload '" + text
                    + "': expected 1 to 16 hexadecimal digits (a 64-bit payload).");
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    /** Parses a comma-separated list of track names (a, b, c; case-insensitive). */
    static Set<Track> tracks(CommandLine commandLine, String list) {
        Set<Track> tracks = EnumSet.noneOf(Track.class);
        for (String name : list.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            try {
                tracks.add(Track.valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "Invalid --tracks '" + list
                        + "': expected a comma-separated list of a, b and c.");
            }
        }
        return tracks;
    }
}
