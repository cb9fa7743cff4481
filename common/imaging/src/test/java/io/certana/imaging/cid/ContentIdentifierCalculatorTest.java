package io.certana.imaging.cid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.certana.imaging.TestImages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ContentIdentifierCalculatorTest {

    private final ContentIdentifierCalculator calculator = new ContentIdentifierCalculator();

    @Test
    void emptyFileIsOneEmptyRawLeaf() {
        ContentIdentifiers ids = calculator.compute(new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ids.sha256());
        assertEquals("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", ids.rawCid());
        assertEquals(ids.rawCid(), ids.unixfsCid());
    }

    @Test
    void singleChunkUnixfsCidIsRawCid() {
        byte[] data = new byte[ContentIdentifierCalculator.CHUNK_SIZE];
        Arrays.fill(data, (byte) 7);
        ContentIdentifiers ids = calculator.compute(data);
        assertEquals(ids.rawCid(), ids.unixfsCid());
        assertEquals(ContentIdentifierCalculator.CHUNK_SIZE, ids.size());
    }

    @Test
    void twoChunksMakeDagPbRoot() {
        byte[] data = new byte[ContentIdentifierCalculator.CHUNK_SIZE + 1];
        ContentIdentifiers ids = calculator.compute(data);
        assertNotEquals(ids.rawCid(), ids.unixfsCid());
        // CIDv1 dag-pb with sha2-256 starts with "bafybei" in base32.
        assertEquals("bafybei", ids.unixfsCid().substring(0, 7));
        assertEquals("bafkrei", ids.rawCid().substring(0, 7));
    }

    @Test
    void base32MatchesRfc4648() {
        assertEquals("bmzxw6ytboi", Cid.toBase32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("bmy", Cid.toBase32("f".getBytes(StandardCharsets.US_ASCII)));
    }

    @TestFactory
    List<DynamicTest> matchesKuboVectors() throws Exception {
        Path file = TestImages.requireShared("data/cid/cid-vectors.json");
        JsonNode vectors = new ObjectMapper().readTree(file.toFile()).get("vectors");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : vectors) {
            String name = vector.get("file").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                ContentIdentifiers ids;
                try (InputStream in = open(name, vector.get("size").asInt(), file.getParent())) {
                    ids = calculator.compute(in);
                }
                assertEquals(vector.get("size").asLong(), ids.size(), "size");
                assertEquals(vector.get("rawBytesCidV1").asText(), ids.rawCid(), "raw CID");
                assertEquals(vector.get("kuboCidV1Legacy_256k_174_rawLeaves").asText(), ids.unixfsCid(), "UnixFS CID");
            }));
        }
        return tests;
    }

    /** Rebuilds a vector's input from its recipe (see the "recipe" fields of the vectors file). */
    private static InputStream open(String name, int size, Path vectorDir) throws Exception {
        if ("CA.jpg".equals(name)) {
            return java.nio.file.Files.newInputStream(vectorDir.resolve("../c2pa/CA.jpg").normalize());
        }
        if (name.startsWith("big46m")) {
            // AES-128-CTR keystream over zeros, key 00112233..eeff, counter block starting at zero.
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            byte[] key = java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return new CipherInputStream(new ZeroStream(size), cipher);
        }
        return new ByteArrayInputStream(seededStream("certana", size));
    }

    /** S(seed) = sha256("seed:0") || sha256("seed:1") || ..., cut to {@code size} bytes. */
    private static byte[] seededStream(String seed, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 32);
        for (int counter = 0; out.size() < size; counter++) {
            out.write(MessageDigest.getInstance("SHA-256").digest((seed + ":" + counter).getBytes(StandardCharsets.US_ASCII)));
        }
        return Arrays.copyOf(out.toByteArray(), size);
    }

    /** {@code size} zero bytes without allocating them. */
    private static final class ZeroStream extends InputStream {
        private long remaining;

        ZeroStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            Arrays.fill(buffer, offset, offset + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
