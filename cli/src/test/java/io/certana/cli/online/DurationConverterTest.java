package io.certana.cli.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void unitsAndCombinations() {
        assertEquals(Duration.ofSeconds(90), converter.convert("90s"));
        assertEquals(Duration.ofMinutes(10), converter.convert("10m"));
        assertEquals(Duration.ofMinutes(90), converter.convert("1h30m"));
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofMinutes(10), converter.convert("PT10M"));
    }

    @Test
    void invalidValuesAreRejected() {
        for (String value : new String[] {"10", "ten minutes", "5d", "0s", "-5m", "PT-1M", "PTX"}) {
            assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert(value), value);
        }
    }

    @Test
    void formatRoundTrips() {
        assertEquals("10m", DurationConverter.format(Duration.ofMinutes(10)));
        assertEquals("1h30m", DurationConverter.format(Duration.ofMinutes(90)));
        assertEquals("1s500ms", DurationConverter.format(Duration.ofMillis(1500)));
    }
}
