package io.certana.asset.commitment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certana.provenance.json.CanonicalJson;
import io.certana.provenance.signing.Ed25519Keys;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds and signs the commitment of a registered asset. The signed bytes are the RFC 8785
 * canonical JSON of the asset's identifiers, so anyone can rebuild them from the asset's fields,
 * hash them and check the Ed25519 signature with the organization's public key.
 */
@ApplicationScoped
public class CommitmentSigner {

    /** RFC 3339 in UTC with exactly three fraction digits, for example {@code 2026-01-31T12:00:00.000Z}. */
    static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * The fields a commitment signs.
     *
     * @param watermarkPayload 16 lower-case hex digits
     * @param createdAt the asset's creation time, formatted with {@link #CREATED_AT}
     */
    public record Fields(UUID assetId, UUID organizationId, String contentHash, String cid, String watermarkedCid,
            String pdqHash, String watermarkPayload, Instant createdAt) {
    }

    private final SigningKeys keys;

    public CommitmentSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** Returns the canonical JSON bytes that a commitment with these fields signs. */
    public static byte[] canonicalPayload(Fields fields) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("assetId", fields.assetId().toString());
        json.put("organizationId", fields.organizationId().toString());
        json.put("contentHash", fields.contentHash());
        json.put("cid", fields.cid());
        json.put("watermarkedCid", fields.watermarkedCid());
        json.put("pdqHash", fields.pdqHash());
        json.put("watermarkPayload", fields.watermarkPayload());
        json.put("createdAt", CREATED_AT.format(fields.createdAt()));
        return CanonicalJson.serialize(json);
    }

    /** Builds a signed, pending commitment with the given key; the caller persists it. */
    public Commitment sign(Fields fields, SigningKey key) {
        byte[] payload = canonicalPayload(fields);
        Commitment commitment = new Commitment();
        commitment.id = UUID.randomUUID();
        commitment.assetId = fields.assetId();
        commitment.organizationId = fields.organizationId();
        commitment.payload = payload;
        commitment.commitmentHash = HexFormat.of().formatHex(sha256(payload));
        commitment.signature = Ed25519Keys.sign(keys.privateKey(key), payload);
        commitment.signingKeyId = key.id;
        commitment.keyRef = key.keyRef;
        commitment.confirmationStatus = "pending";
        commitment.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return commitment;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
