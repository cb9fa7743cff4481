package io.certana.identity.organization.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void fromNameNormalizes() {
        assertEquals("acme-photos", Slugs.fromName("Acme Photos"));
        assertEquals("age-photos-co", Slugs.fromName("  Ågé Photos & Co!  "));
        assertEquals("zurich-2024", Slugs.fromName("Zürich -- 2024"));
        assertEquals("org", Slugs.fromName("東京"));
        assertEquals("org", Slugs.fromName("---"));
    }

    @Test
    void fromNameBoundsLength() {
        String slug = Slugs.fromName("a".repeat(49) + " " + "b".repeat(30));
        assertTrue(slug.length() <= Slugs.MAX_BASE_LENGTH, slug);
        assertTrue(slug.matches(Slugs.PATTERN), slug);
    }

    @Test
    void firstFreeAddsSuffix() {
        assertEquals("acme", Slugs.firstFree("acme", List.of()));
        assertEquals("acme", Slugs.firstFree("acme", List.of("acme-2")));
        assertEquals("acme-2", Slugs.firstFree("acme", List.of("acme")));
        assertEquals("acme-8", Slugs.firstFree("acme", List.of("acme", "acme-2", "acme-7", "acme-photos")));
    }
}
