package io.certana.verification.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Client addresses behind trusted proxies, and forged X-Forwarded-For headers from anyone else. */
class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.1", "fd00::/8"));

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "203.0.113.9 | null                              | 203.0.113.9",
            "203.0.113.9 | 198.51.100.1                      | 203.0.113.9",
            "10.1.2.3    | null                              | 10.1.2.3",
            "10.1.2.3    | 198.51.100.1                      | 198.51.100.1",
            "10.1.2.3    | 1.2.3.4, 198.51.100.1             | 198.51.100.1",
            "10.1.2.3    | 198.51.100.1, 10.9.9.9            | 198.51.100.1",
            "10.1.2.3    | 198.51.100.1, 192.168.1.1         | 198.51.100.1",
            "10.1.2.3    | 198.51.100.1:4711                 | 198.51.100.1",
            "10.1.2.3    | evil.example, 198.51.100.1        | 198.51.100.1",
            "10.1.2.3    | 198.51.100.1, not-an-address      | 10.1.2.3",
            "10.1.2.3    | 10.4.4.4, 10.5.5.5                | 10.4.4.4",
            "10.1.2.3    | 999.1.1.1                         | 10.1.2.3",
            "fd00::1     | 2001:db8::7                       | 2001:db8:0:0:0:0:0:7",
            "fd00::1     | [2001:db8::7]:443                 | 2001:db8:0:0:0:0:0:7",
            "2001:db8::2 | 198.51.100.1                      | 2001:db8:0:0:0:0:0:2"})
    void resolvesClient(String peer, String forwardedFor, String expected) {
        assertEquals(expected, addresses.resolve(peer, forwardedFor));
    }

    @Test
    void invalidProxyEntriesRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.internal")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/x")));
    }
}
