package io.certana.asset.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CommitmentSignerTest {

    private static final CommitmentSigner.Fields FIELDS = new CommitmentSigner.Fields(
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            UUID.fromString("00000000-0000-4000-8000-000000000002"),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
            "bafkreiaaaa",
            "f".repeat(64),
            "00ff00ff00ff00ff",
            Instant.parse("2026-01-31T12:00:05.120Z"));

    @Test
    void payloadIsCanonicalJson() {
        String payload = new String(CommitmentSigner.canonicalPayload(FIELDS), StandardCharsets.UTF_8);
        // RFC 8785: members sorted by their UTF-16 code units, no whitespace.
        assertEquals("{\"assetId\":\"00000000-0000-4000-8000-000000000001\","
                + "\"cid\":\"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku\","
                + "\"contentHash\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\","
                + "\"createdAt\":\"2026-01-31T12:00:05.120Z\","
                + "\"organizationId\":\"00000000-0000-4000-8000-000000000002\","
                + "\"pdqHash\":\"" + "f".repeat(64) + "\","
                + "\"watermarkPayload\":\"00ff00ff00ff00ff\","
                + "\"watermarkedCid\":\"bafkreiaaaa\"}", payload);
    }

    @Test
    void createdAtHasThreeFractionDigits() {
        CommitmentSigner.Fields whole = new CommitmentSigner.Fields(FIELDS.assetId(), FIELDS.organizationId(),
                FIELDS.contentHash(), FIELDS.cid(), FIELDS.watermarkedCid(), FIELDS.pdqHash(),
                FIELDS.watermarkPayload(), Instant.parse("2026-01-31T12:00:05Z"));
        String payload = new String(CommitmentSigner.canonicalPayload(whole), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"createdAt\":\"2026-01-31T12:00:05.000Z\""), payload);
    }
}
