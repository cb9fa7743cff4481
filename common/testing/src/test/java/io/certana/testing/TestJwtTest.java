package io.certana.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.util.KeyUtils;

class TestJwtTest {

    @Test
    void tokenVerifiesWithTestPublicKey() throws Exception {
        UUID userId = UUID.randomUUID();
        String[] parts = TestJwt.forUser(userId, "tester@example.com").split("\\.");
        assertEquals(3, parts.length);

        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"sub\":\"" + userId + "\""), payload);
        assertTrue(payload.contains("\"iss\":\"certana\""), payload);
        assertTrue(payload.contains("\"upn\":\"tester@example.com\""), payload);

        assertTrue(verifies(parts, KeyUtils.readPublicKey(TestJwt.PUBLIC_KEY_LOCATION)));
        String[] foreign = TestJwt.signedByUnknownKey(userId, "tester@example.com").split("\\.");
        assertFalse(verifies(foreign, KeyUtils.readPublicKey(TestJwt.PUBLIC_KEY_LOCATION)));
    }

    @Test
    void imagesAreDeterministic() {
        BufferedImage first = TestImages.gradient(64, 48, 7);
        BufferedImage second = TestImages.gradient(64, 48, 7);
        assertArrayEquals(first.getRGB(0, 0, 64, 48, null, 0, 64), second.getRGB(0, 0, 64, 48, null, 0, 64));
        byte[] png = TestImages.png(first);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        byte[] jpeg = TestImages.jpeg(first);
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1]);
    }

    private static boolean verifies(String[] parts, PublicKey key) throws Exception {
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
