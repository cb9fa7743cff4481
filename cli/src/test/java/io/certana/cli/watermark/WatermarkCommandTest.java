package io.certana.cli.watermark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.certana.cli.CertanaCommand;
import io.certana.imaging.encode.ImageEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the watermark subcommands in-process on generated photo-like images. */
class WatermarkCommandTest {

    private static final String PAYLOAD = "00c0ffee12345678";
    private static final String KEY = "watermark-cli-test-key-0001";

    @TempDir
    static Path dir;

    private static Path photo;
    private static Path marked;
    private static Path keyFile;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeFiles() throws Exception {
        photo = dir.resolve("photo.png");
        Files.write(photo, new ImageEncoder().encodePng(SyntheticImages.photoLike(384, 256, 6, 3)));
        keyFile = dir.resolve("watermark.key");
        Files.writeString(keyFile, KEY + "\n", StandardCharsets.UTF_8);
        marked = dir.resolve("marked.png");
        WatermarkCommandTest setup = new WatermarkCommandTest();
        int exit = setup.run("watermark", "embed", "--key-file", keyFile.toString(), "--payload", PAYLOAD,
                photo.toString(), marked.toString());
        assertEquals(CertanaCommand.EXIT_OK, exit, setup.err.toString());
    }

    private int run(String... args) {
        return execute(CertanaCommand.newCommandLine(), args);
    }

    private int runWithEnvironment(Map<String, String> environment, String... args) {
        return execute(new CommandLine(new WatermarkCommand(environment)), args);
    }

    private int execute(CommandLine commandLine, String... args) {
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void embedPrintsPsnrPerTrack() throws Exception {
        Path output = dir.resolve("embed-psnr.png");

        int exit = run("watermark", "embed", "--key-file", keyFile.toString(), "--payload", PAYLOAD,
                "--tracks", "b", photo.toString(), output.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, err.toString());
        String[] lines = out.toString().trim().split("\n");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[0].matches("track B {2}PSNR \\d+\\.\\d\\d dB .*"), lines[0]);
        assertTrue(lines[1].startsWith("total    PSNR "), lines[1]);
        byte[] png = Files.readAllBytes(output);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void detectPrintsPayloadOrDash() {
        int exit = run("watermark", "detect", "--key-file", keyFile.toString(), marked.toString(), photo.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, err.toString());
        String[] lines = out.toString().trim().split("\n");
        assertEquals(List.of(marked + "\t" + PAYLOAD, photo + "\t-"), List.of(lines));
    }

    @Test
    void detectJsonListsTracksAndTamperMap() throws Exception {
        int exit = run("watermark", "detect", "--json", "--key-file", keyFile.toString(), marked.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(marked.toString(), json.get("file").asText());
        JsonNode tracks = json.get("tracks");
        assertEquals("DETECTED", tracks.get("B").get("status").asText());
        assertEquals(PAYLOAD, tracks.get("B").get("payload").asText());
        assertTrue(tracks.get("B").get("confidence").asDouble() >= 0.5);
        assertEquals("DETECTED", tracks.get("A").get("status").asText());
        assertEquals(PAYLOAD, tracks.get("A").get("payload").asText());
        assertEquals("NOT_CONFIGURED", tracks.get("C").get("status").asText());
        assertTrue(tracks.get("C").get("payload").isNull());
        JsonNode map = json.get("tamper_map");
        assertTrue(map.get("columns").asInt() > 0);
        assertTrue(map.get("rows").asInt() > 0);
        assertTrue(map.get("block_size").asInt() > 0);
        assertFalse(map.get("global_change").asBoolean());
        assertTrue(map.get("regions").isArray());
    }

    @Test
    void jpegOutputKeepsPayload() throws Exception {
        Path jpeg = dir.resolve("marked.JPG");

        int embedExit = run("watermark", "embed", "--key-file", keyFile.toString(), "--payload", PAYLOAD,
                "--quality", "85", photo.toString(), jpeg.toString());
        int detectExit = run("watermark", "detect", "--key-file", keyFile.toString(), jpeg.toString());

        assertEquals(CertanaCommand.EXIT_OK, embedExit, err.toString());
        assertEquals(CertanaCommand.EXIT_OK, detectExit, err.toString());
        byte[] bytes = Files.readAllBytes(jpeg);
        assertEquals((byte) 0xff, bytes[0]);
        assertEquals((byte) 0xd8, bytes[1]);
        assertTrue(out.toString().contains(jpeg + "\t" + PAYLOAD), out.toString());
    }

    @Test
    void badFilesFailButOthersRun() throws Exception {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image", StandardCharsets.US_ASCII);
        Path missing = dir.resolve("missing.png");
        Path small = dir.resolve("small.png");
        Files.write(small, new ImageEncoder().encodePng(SyntheticImages.photoLike(200, 100, 4, 5)));

        int exit = run("watermark", "detect", "--key-file", keyFile.toString(), text.toString(), marked.toString(),
                missing.toString(), small.toString());

        assertEquals(CertanaCommand.EXIT_FAILED_INPUT, exit);
        assertEquals(marked + "\t" + PAYLOAD, out.toString().trim());
        String[] errors = err.toString().trim().split("\n");
        assertEquals(3, errors.length, err.toString());
        assertTrue(errors[0].startsWith("certana: " + text + ": "), errors[0]);
        assertTrue(errors[0].contains("415"), errors[0]);
        assertTrue(errors[1].equals("certana: " + missing + ": file not found"), errors[1]);
        assertTrue(errors[2].startsWith("certana: " + small + ": "), errors[2]);
        assertTrue(errors[2].contains("128"), errors[2]);
    }

    @Test
    void filesFromReadsList() throws Exception {
        Path list = dir.resolve("list.txt");
        Files.writeString(list, marked + "\n\n" + photo + "\n", StandardCharsets.UTF_8);

        int exit = run("watermark", "detect", "--key-file", keyFile.toString(), "--files-from", list.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, err.toString());
        assertEquals(2, out.toString().trim().split("\n").length, out.toString());
    }

    @Test
    void missingKeyIsUsageError() {
        int exit = runWithEnvironment(Map.of(), "detect", marked.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("Missing watermark key"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void shortKeyIsUsageError() {
        int exit = runWithEnvironment(Map.of(EngineOptions.KEY_VARIABLE, "short"), "detect", marked.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("too short: 5 bytes"), err.toString());
    }

    @Test
    void environmentKeyDetects() {
        int exit = runWithEnvironment(Map.of(EngineOptions.KEY_VARIABLE, KEY), "detect", marked.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, err.toString());
        assertEquals(marked + "\t" + PAYLOAD, out.toString().trim());
    }

    @Test
    void keyFileWinsOverEnvironment() throws Exception {
        Path otherKey = dir.resolve("other.key");
        Files.writeString(otherKey, "another-watermark-key-0002", StandardCharsets.UTF_8);

        int exit = runWithEnvironment(Map.of(EngineOptions.KEY_VARIABLE, KEY), "detect", "--key-file",
                otherKey.toString(), marked.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, err.toString());
        assertEquals(marked + "\t-", out.toString().trim());
    }

    @Test
    void devKeyWarns() {
        int exit = runWithEnvironment(Map.of(), "detect", "--dev-key", marked.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, err.toString());
        assertTrue(err.toString().contains("warning: using the public development key"), err.toString());
        assertEquals(marked + "\t-", out.toString().trim());
    }

    @Test
    void trackCWithoutModelIsUsageError() {
        int exit = run("watermark", "embed", "--key-file", keyFile.toString(), "--payload", PAYLOAD, "--tracks", "b,c",
                photo.toString(), dir.resolve("c.png").toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("Track C requested but no model folder is configured"), err.toString());
        assertFalse(Files.exists(dir.resolve("c.png")));
    }

    @Test
    void missingModelFolderIsUsageError() {
        int exit = runWithEnvironment(Map.of(EngineOptions.KEY_VARIABLE, KEY,
                EngineOptions.MODEL_VARIABLE, dir.resolve("no-model").toString()), "detect", marked.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("Track C model folder not found (" + EngineOptions.MODEL_VARIABLE + ")"),
                err.toString());
    }

    @Test
    void invalidPayloadIsUsageError() {
        int exit = run("watermark", "embed", "--key-file", keyFile.toString(), "--payload", "0x12345678901234567",
                photo.toString(), dir.resolve("p.png").toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("Invalid --payload"), err.toString());
    }

    @Test
    void falsePositiveSurveyFindsNothing() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("fpr-sources"));
        Files.copy(photo, sources.resolve("photo.png"));

        int exit = run("watermark", "fpr", "--no-skimage", "--generated", "1", "--other-key", "1", sources.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, out + "\n" + err);
        String table = out.toString();
        assertTrue(table.startsWith("2 source images, "), table);
        // Two sources with 19 edits each, and one source marked with the other key in 4 edits.
        assertTrue(table.contains("| unmarked | B | 38 | 0 | best sync z-score"), table);
        assertTrue(table.contains("| unmarked | A | 38 | 0 |"), table);
        assertTrue(table.contains("| other key | B | 4 | 0 |"), table);
        assertFalse(table.contains("false detection"), table);
    }

    @Test
    void benchPrintsTable() {
        int exit = run("watermark", "bench", "--iterations", "1", "--warmup", "0", marked.toString());

        assertEquals(CertanaCommand.EXIT_OK, exit, err.toString());
        String[] lines = out.toString().trim().split("\n");
        String row = lines[lines.length - 1];
        assertTrue(row.startsWith("| marked.png | 0.1 |"), row);
        assertTrue(row.contains("| yes | not configured | not configured |"), row);
    }
}
