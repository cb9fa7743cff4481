package io.certana.provenance.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SigningTest {

    private static final byte[] MESSAGE = "{\"assetId\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureVerifiesAndRejectsChanges() {
        KeyPair pair = Ed25519Keys.generate();
        byte[] signature = Ed25519Keys.sign(pair.getPrivate(), MESSAGE);

        assertEquals(64, signature.length);
        assertTrue(Ed25519Keys.verify(pair.getPublic(), MESSAGE, signature));

        byte[] altered = MESSAGE.clone();
        altered[2] ^= 1;
        assertFalse(Ed25519Keys.verify(pair.getPublic(), altered, signature));
        assertFalse(Ed25519Keys.verify(Ed25519Keys.generate().getPublic(), MESSAGE, signature));
        assertFalse(Ed25519Keys.verify(pair.getPublic(), MESSAGE, new byte[3]));
    }

    @Test
    void publicKeyPemRoundTrip() {
        PublicKey key = Ed25519Keys.generate().getPublic();
        String pem = Ed25519Keys.toPem(key);

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertArrayEquals(key.getEncoded(), Ed25519Keys.publicKeyFromPem(pem).getEncoded());
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    }

    @Test
    void opensslVerifiesSignature() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed at /usr/bin/openssl");
        KeyPair pair = Ed25519Keys.generate();
        Path dir = Files.createTempDirectory("certana-sig");
        Path pub = Files.writeString(dir.resolve("key.pem"), Ed25519Keys.toPem(pair.getPublic()));
        Path message = Files.write(dir.resolve("payload.json"), MESSAGE);
        Path signature = Files.write(dir.resolve("payload.sig"), Ed25519Keys.sign(pair.getPrivate(), MESSAGE));

        Process openssl = new ProcessBuilder("/usr/bin/openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(),
                "-rawin", "-in", message.toString(), "-sigfile", signature.toString())
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
        assertEquals(0, openssl.exitValue(), output);
        assertTrue(output.contains("Signature Verified Successfully"), output);
    }

    @Test
    void wrappedKeyBoundToMasterAndReference() {
        byte[] master = new byte[KeyWrapper.MASTER_KEY_BYTES];
        master[0] = 7;
        KeyWrapper wrapper = new KeyWrapper("m1", master);
        byte[] secret = Ed25519Keys.generate().getPrivate().getEncoded();

        byte[] wrapped = wrapper.wrap(secret, "org:1:signing:v1");
        assertArrayEquals(secret, wrapper.unwrap(wrapped, "org:1:signing:v1"));
        assertThrows(IllegalArgumentException.class, () -> wrapper.unwrap(wrapped, "org:2:signing:v1"));

        byte[] otherMaster = master.clone();
        otherMaster[1] = 1;
        assertThrows(IllegalArgumentException.class, () -> new KeyWrapper("m2", otherMaster).unwrap(wrapped, "org:1:signing:v1"));

        byte[] tampered = wrapped.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> wrapper.unwrap(tampered, "org:1:signing:v1"));
        assertThrows(IllegalArgumentException.class, () -> new KeyWrapper("short", new byte[16]));
    }
}
