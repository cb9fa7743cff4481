package io.certana.cli.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LoginCommandTest {

    @Test
    void passwordIsFirstLineOfInput() throws Exception {
        byte[] input = "pässwörd with spaces \r\nsecond line\n".getBytes(StandardCharsets.UTF_8);

        char[] password = LoginCommand.firstLine(new ByteArrayInputStream(input));

        assertArrayEquals("pässwörd with spaces ".toCharArray(), password);
    }

    @Test
    void passwordWithoutLineBreakIsWholeInput() throws Exception {
        char[] password = LoginCommand.firstLine(new ByteArrayInputStream("secret".getBytes(StandardCharsets.UTF_8)));

        assertArrayEquals("secret".toCharArray(), password);
    }
}
