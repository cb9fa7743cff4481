package io.certana.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.certana.imaging.decode.IntImages;
import io.certana.imaging.encode.ImageEncoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertanaCommandTest {

    @TempDir
    Path dir;

    private Path photo;
    private Path text;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeFiles() throws Exception {
        int width = 200;
        int height = 120;
        int[] pixels = new int[width * height];
        Random random = new Random(42);
        for (int i = 0; i < pixels.length; i++) {
            int x = i % width;
            pixels[i] = (x * 255 / width) << 16 | random.nextInt(64) << 8 | (i / width) * 2;
        }
        photo = dir.resolve("photo one.jpg");
        Files.write(photo, new ImageEncoder().encodeJpeg(IntImages.wrap(pixels, width, height, false), 0.9f));
        text = dir.resolve("notes.png");
        Files.writeString(text, "not an image", StandardCharsets.US_ASCII);
    }

    private int run(String... args) {
        CommandLine commandLine = CertanaCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void pdqPrintsHexQualityAndFile() {
        int exit = run("pdq", photo.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit);
        String line = out.toString().trim();
        assertTrue(line.matches("[0-9a-f]{64} \\d{1,3} .*photo one\\.jpg"), line);
    }

    @Test
    void pdqDihedralPrintsEightLines() {
        int exit = run("pdq", "--dihedral", photo.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit);
        String[] lines = out.toString().trim().split("\n");
        assertEquals(8, lines.length);
        assertTrue(lines[0].endsWith(" original"), lines[0]);
        assertTrue(lines[7].endsWith(" flipMinus1"), lines[7]);
    }

    @Test
    void badFileFailsButOthersRun() {
        Path missing = dir.resolve("missing.jpg");

        int exit = run("pdq", text.toString(), photo.toString(), missing.toString());

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
        assertEquals(1, out.toString().trim().split("\n").length, out.toString());
        String[] errors = err.toString().trim().split("\n");
        assertEquals(2, errors.length, err.toString());
        assertTrue(errors[0].startsWith("certana: " + text + ": "), errors[0]);
        assertTrue(errors[0].contains("415"), errors[0]);
        assertTrue(errors[1].contains("file not found"), errors[1]);
    }

    @Test
    void cidPrintsRawAndUnixfsCid() throws Exception {
        Path empty = dir.resolve("empty.bin");
        Files.write(empty, new byte[0]);

        int exit = run("cid", empty.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit);
        String cid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
        assertEquals(cid + " " + cid + " " + empty, out.toString().trim());
    }

    @Test
    void inspectPrintsJson() throws Exception {
        int exit = run("inspect", photo.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("JPEG", json.get("format").asText());
        assertEquals(200, json.get("width").asInt());
        assertEquals(120, json.get("height").asInt());
        assertEquals(1, json.get("orientation").asInt());
        assertEquals(false, json.path("c2pa").path("present").asBoolean(true));
        assertTrue(json.path("metadata").path("directories").isArray());
    }

    @Test
    void missingSubcommandIsUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("Missing subcommand"));
    }
}
