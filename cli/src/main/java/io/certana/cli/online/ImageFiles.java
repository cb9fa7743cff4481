package io.certana.cli.online;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands command-line arguments into the image files to send: directories become the images inside them. */
public final class ImageFiles {

    /** Extensions, compared without case, of the files that a directory contributes. */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "tif", "tiff", "bmp", "gif");

    private ImageFiles() {
    }

    /**
     * Returns the files to send, in argument order. A directory contributes its regular files with
     * one of {@link #EXTENSIONS}, sorted by path; with {@code recursive} its subdirectories'
     * files too. Any other argument is kept as it is, so that a missing file fails when it is sent,
     * in its place. A directory without images, or one that cannot be listed, is reported to
     * {@code errors} and contributes nothing.
     */
    static List<Path> expand(List<Path> arguments, boolean recursive, ErrorLines errors) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                files.add(argument);
                continue;
            }
            List<Path> images;
            try {
                images = imagesIn(argument, recursive);
            } catch (IOException | UncheckedIOException e) {
                errors.report(argument, "cannot list the directory: " + e.getMessage());
                continue;
            }
            if (images.isEmpty()) {
                errors.report(argument, "no image files (" + String.join(", ", EXTENSIONS.stream().sorted().toList())
                        + ") in this directory" + (recursive ? " or below it" : "; -r includes subdirectories"));
            }
            files.addAll(images);
        }
        return files;
    }

    private static List<Path> imagesIn(Path directory, boolean recursive) throws IOException {
        try (Stream<Path> entries = recursive ? Files.walk(directory) : Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(ImageFiles::hasImageExtension)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }

    static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
