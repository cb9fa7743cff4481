package io.certana.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The photographs a demo registers and the ones it keeps back as unrelated. They come from the
 * folder named on the command line, else the shared test photos beside the repository, else the
 * sample photographs of Debian's python3-skimage, which the setup script installs.
 *
 * @param source where the photos came from, for the output
 * @param registered photos to register
 * @param unrelated photos never registered, each expected to verify as unknown
 */
public record DemoPhotos(String source, List<Path> registered, List<Path> unrelated) {

    /** python3-skimage's data folder. */
    public static final Path SKIMAGE_DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");

    /**
     * Photographs of python3-skimage's data folder: color photos of at least 300 px on the short
     * side, since Track B needs 128 px after the half-size copy. The last two stay unregistered.
     */
    private static final List<String> SKIMAGE_REGISTERED = List.of("astronaut.png", "coffee.png", "chelsea.png");
    private static final List<String> SKIMAGE_UNRELATED = List.of("rocket.jpg", "motorcycle_left.png");

    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp");

    /**
     * Chooses the photos. From a folder, the images in name order: the last {@code unrelatedCount}
     * stay unregistered, and at most {@code limit} of the others are registered.
     */
    public static DemoPhotos choose(Path folder, Workspace workspace, int limit, int unrelatedCount)
            throws IOException {
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("Photo folder not found: " + folder);
            }
            return fromFolder(folder.toString(), folder, limit, unrelatedCount);
        }
        Path shared = workspace.sharedPhotos();
        if (Files.isDirectory(shared) && images(shared).size() >= 2) {
            return fromFolder(shared.toString(), shared, limit, unrelatedCount);
        }
        if (Files.isRegularFile(SKIMAGE_DATA.resolve(SKIMAGE_REGISTERED.get(0)))) {
            List<Path> registered = SKIMAGE_REGISTERED.stream().map(SKIMAGE_DATA::resolve).limit(limit).toList();
            List<Path> unrelated = SKIMAGE_UNRELATED.stream().map(SKIMAGE_DATA::resolve)
                    .limit(Math.max(unrelatedCount, 0)).toList();
            return new DemoPhotos(SKIMAGE_DATA + " (python3-skimage)", registered, unrelated);
        }
        throw new IllegalStateException("No photos found: name a folder of photos (bin/certana demo DIR), or "
                + "install Debian's python3-skimage (scripts/setup.sh does) for its sample photographs");
    }

    private static DemoPhotos fromFolder(String source, Path folder, int limit, int unrelatedCount) throws IOException {
        List<Path> images = images(folder);
        if (images.size() < 2 && unrelatedCount > 0) {
            throw new IllegalArgumentException(folder + " holds " + images.size() + " image files; the demo needs at "
                    + "least 2, one to register and one kept back as unrelated (or pass --unrelated 0)");
        }
        int kept = Math.min(unrelatedCount, images.size() - 1);
        List<Path> candidates = images.subList(0, images.size() - kept);
        List<Path> registered = candidates.subList(0, Math.min(limit, candidates.size()));
        List<Path> unrelated = images.subList(images.size() - kept, images.size());
        return new DemoPhotos(source, List.copyOf(registered), List.copyOf(unrelated));
    }

    private static List<Path> images(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> EXTENSIONS.stream().anyMatch(
                            extension -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)))
                    .sorted().toList();
        }
    }
}
