package io.certana.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which photos the demo registers and which it keeps as unrelated. */
class DemoPhotosTest {

    @TempDir
    Path temp;

    @Test
    void folderPhotosRegisteredInNameOrder() throws IOException {
        assumeSkimage();
        Path folder = folderWith("b.jpg", "a.png", "c.webp", "notes.txt", "d.GIF");

        DemoPhotos photos = DemoPhotos.choose(folder, workspace(), 3, 1);

        assertEquals(List.of(folder.resolve("a.png"), folder.resolve("b.jpg"), folder.resolve("c.webp")),
                photos.registered());
        assertEquals(List.of(DemoPhotos.SKIMAGE_DATA.resolve("rocket.jpg")), photos.unrelated());
        assertEquals(folder.toString(), photos.source());
    }

    @Test
    void unrelatedNeverComesFromFolder() throws IOException {
        assumeSkimage();
        Path folder = folderWith("only.jpg");

        DemoPhotos photos = DemoPhotos.choose(folder, workspace(), 5, 2);

        assertEquals(List.of(folder.resolve("only.jpg")), photos.registered());
        assertEquals(2, photos.unrelated().size());
        assertTrue(photos.unrelated().stream().allMatch(file -> file.startsWith(DemoPhotos.SKIMAGE_DATA)));
    }

    @Test
    void withoutFolderUsesSkimage() throws IOException {
        assumeSkimage();

        DemoPhotos photos = DemoPhotos.choose(null, workspace(), 5, 1);

        assertEquals(3, photos.registered().size());
        assertTrue(photos.registered().stream().allMatch(file -> file.startsWith(DemoPhotos.SKIMAGE_DATA)));
        assertTrue(photos.registered().stream().noneMatch(photos.unrelated()::contains));
    }

    @Test
    void sharedPhotosBesideRepository() throws IOException {
        Path shared = Files.createDirectories(temp.resolve("shared/data/photos"));
        Files.writeString(shared.resolve("x.jpg"), "");
        Files.writeString(shared.resolve("y.png"), "");

        DemoPhotos photos = DemoPhotos.choose(null, workspace(), 5, 0);

        assertEquals(List.of(shared.resolve("x.jpg"), shared.resolve("y.png")), photos.registered());
        assertEquals(List.of(), photos.unrelated());
    }

    @Test
    void missingFolderIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DemoPhotos.choose(temp.resolve("absent"), workspace(), 5, 1));

        assertTrue(error.getMessage().contains("Photo folder not found"), error.getMessage());
    }

    @Test
    void folderWithoutImagesIsRejected() throws IOException {
        Path folder = folderWith("readme.txt");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DemoPhotos.choose(folder, workspace(), 5, 1));

        assertTrue(error.getMessage().contains("contains no image files"), error.getMessage());
    }

    /** Creates a repository root inside the temporary folder, so that its sibling {@code shared} is under control. */
    private Workspace workspace() throws IOException {
        return new Workspace(Files.createDirectories(temp.resolve("repository")));
    }

    private Path folderWith(String... names) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("photos"));
        for (String name : names) {
            Files.writeString(folder.resolve(name), "");
        }
        return folder;
    }

    private static void assumeSkimage() {
        Assumptions.assumeTrue(Files.isRegularFile(DemoPhotos.SKIMAGE_DATA.resolve("rocket.jpg")),
                "Skipped: python3-skimage's photos are absent; scripts/setup.sh installs them");
    }
}
