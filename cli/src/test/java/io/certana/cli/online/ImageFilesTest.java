package io.certana.cli.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final ErrorLines errors = new ErrorLines(new PrintWriter(err));

    @BeforeEach
    void writeFiles() throws Exception {
        for (String name : List.of("b.png", "a.JPG", "c.webp", "notes.txt", "d.tiff", "e.bmp", "f.jpeg", "g.tif",
                "noextension", "sub/h.png", "sub/deeper/i.jpg", "sub/readme.md")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {1});
        }
        Files.createDirectories(dir.resolve("folder.png"));
    }

    @Test
    void directoryExpandsToSortedImages() {
        List<Path> files = ImageFiles.expand(List.of(dir), false, errors);

        assertEquals(List.of(dir.resolve("a.JPG"), dir.resolve("b.png"), dir.resolve("c.webp"),
                dir.resolve("d.tiff"), dir.resolve("e.bmp"), dir.resolve("f.jpeg"), dir.resolve("g.tif")), files);
        assertFalse(errors.any());
    }

    @Test
    void recursiveIncludesSubdirectories() {
        List<Path> files = ImageFiles.expand(List.of(dir.resolve("sub")), true, errors);

        assertEquals(List.of(dir.resolve("sub/deeper/i.jpg"), dir.resolve("sub/h.png")), files);
    }

    @Test
    void filesKeepArgumentOrder() {
        Path missing = dir.resolve("missing.jpg");
        Path text = dir.resolve("notes.txt");

        List<Path> files = ImageFiles.expand(List.of(text, missing, dir.resolve("sub")), false, errors);

        assertEquals(List.of(text, missing, dir.resolve("sub/h.png")), files);
        assertFalse(errors.any());
    }

    @Test
    void directoryWithoutImagesIsReported() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        List<Path> files = ImageFiles.expand(List.of(empty, dir.resolve("b.png")), false, errors);

        assertEquals(List.of(dir.resolve("b.png")), files);
        assertTrue(errors.any());
        assertEquals("certana: " + empty + ": no image files (bmp, gif, jpeg, jpg, png, tif, tiff, webp) in this "
                + "directory; -r includes subdirectories", err.toString().strip());
    }
}
