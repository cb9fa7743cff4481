package io.certana.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.certana.cli.online.ImageFiles;

/**
 * The photographs a demo registers and the ones it keeps as unrelated. Photos to register come from
 * the folder named on the command line, else the shared test photos beside the repository, else the
 * sample photographs of Debian's python3-skimage, which the setup script installs. Unrelated photos
 * are python3-skimage photos that the demo never registers, so they stay unrelated across runs
 * with different folders. Without python3-skimage, the last photos of the folder stay unregistered.
 *
 * @param source where the photos to register came from, for the output
 * @param registered photos to register
 * @param unrelated photos never registered, each expected to verify as unknown
 */
public record DemoPhotos(String source, List<Path> registered, List<Path> unrelated) {

    /** python3-skimage's data folder. */
    public static final Path SKIMAGE_DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");

    /**
     * Colour photographs of python3-skimage's data folder, at least 300 px on the short side, so
     * that the half-size copy keeps the 128 px that Track B needs.
     */
    private static final List<String> SKIMAGE_REGISTERED = List.of("astronaut.png", "coffee.png", "chelsea.png");
    private static final List<String> SKIMAGE_UNRELATED = List.of("rocket.jpg", "motorcycle_left.png");

    /** Chooses at most {@code limit} photos to register and {@code unrelatedCount} unrelated ones. */
    public static DemoPhotos choose(Path folder, Workspace workspace, int limit, int unrelatedCount)
            throws IOException {
        String source;
        List<Path> candidates;
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("Photo folder not found: " + folder);
            }
            source = folder.toString();
            candidates = images(folder);
        } else if (Files.isDirectory(workspace.sharedPhotos()) && !images(workspace.sharedPhotos()).isEmpty()) {
            source = workspace.sharedPhotos().toString();
            candidates = images(workspace.sharedPhotos());
        } else if (Files.isRegularFile(SKIMAGE_DATA.resolve(SKIMAGE_REGISTERED.get(0)))) {
            source = SKIMAGE_DATA + " (python3-skimage)";
            candidates = SKIMAGE_REGISTERED.stream().map(SKIMAGE_DATA::resolve).toList();
        } else {
            throw new IllegalStateException("No photos found: name a folder of photos (bin/certana demo DIR), or "
                    + "install Debian's python3-skimage (scripts/setup.sh does) for its sample photographs");
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(source + " contains no image files (JPEG, PNG, WebP, TIFF, BMP or GIF)");
        }

        List<Path> skimageUnrelated = SKIMAGE_UNRELATED.stream().map(SKIMAGE_DATA::resolve)
                .filter(Files::isRegularFile).filter(file -> !candidates.contains(file)).toList();
        if (skimageUnrelated.size() >= unrelatedCount) {
            List<Path> registered = candidates.subList(0, Math.min(limit, candidates.size()));
            return new DemoPhotos(source, List.copyOf(registered), skimageUnrelated.subList(0, unrelatedCount));
        }

        // Without python3-skimage, keep the last photos of the folder back as the unrelated ones.
        if (candidates.size() <= unrelatedCount) {
            throw new IllegalArgumentException(source + " contains " + candidates.size() + " image files; without "
                    + "python3-skimage the demo keeps " + unrelatedCount + " of them back as unrelated and needs "
                    + "one more to register (or pass --unrelated 0)");
        }
        List<Path> kept = candidates.subList(0, candidates.size() - unrelatedCount);
        return new DemoPhotos(source, List.copyOf(kept.subList(0, Math.min(limit, kept.size()))),
                List.copyOf(candidates.subList(candidates.size() - unrelatedCount, candidates.size())));
    }

    private static List<Path> images(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> ImageFiles.EXTENSIONS.stream().anyMatch(extension -> file.getFileName().toString()
                            .toLowerCase(Locale.ROOT).endsWith("." + extension)))
                    .sorted().toList();
        }
    }
}
