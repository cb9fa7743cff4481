package io.certana.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.certana.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every file of the hostile-input corpus gets a verdict or a 4xx problem, never a server error.
 * Skipped where ../shared is absent.
 */
@QuarkusTest
class CorpusTest {

    @Test
    void corpusFilesNeverFailTheServer() throws IOException {
        Path corpus = SharedData.require("data/corpus");
        Tenants.Tenant tenant = Tenants.create("corpus");
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(Files::isRegularFile).filter(path -> !path.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        }
        assertTrue(files.size() > 10, "corpus has " + files.size() + " files");
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            Response response = VerifyApi.verifyWithKey(tenant.key(), Files.readAllBytes(file),
                    file.getFileName().toString(), "application/octet-stream");
            int status = response.statusCode();
            boolean problem = status >= 400 && "application/problem+json".equals(response.contentType());
            if (!(status == 200 || status >= 400 && status < 500 && problem)) {
                failures.add(file.getFileName() + ": " + status + " " + response.asString());
            }
        }
        assertTrue(failures.isEmpty(), "files answered with other than 200 or a 4xx problem: " + failures);
    }
}
