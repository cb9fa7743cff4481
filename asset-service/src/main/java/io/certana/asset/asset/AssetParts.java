package io.certana.asset.asset;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.certana.asset.commitment.Commitment;
import io.certana.asset.commitment.CommitmentRepository;
import io.certana.asset.fingerprint.Fingerprint;
import io.certana.asset.fingerprint.FingerprintRepository;
import io.certana.asset.watermark.AssetWatermark;
import io.certana.asset.watermark.AssetWatermarkRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Loads the watermarks, fingerprints and commitments of many assets in three queries. */
@ApplicationScoped
public class AssetParts {

    /** The parts found, keyed by asset id; an asset without a part has no entry. */
    public record Parts(Map<UUID, AssetWatermark> watermarks, Map<UUID, Fingerprint> fingerprints,
            Map<UUID, Commitment> commitments) {
    }

    private final AssetWatermarkRepository watermarks;
    private final FingerprintRepository fingerprints;
    private final CommitmentRepository commitments;

    public AssetParts(AssetWatermarkRepository watermarks, FingerprintRepository fingerprints,
            CommitmentRepository commitments) {
        this.watermarks = watermarks;
        this.fingerprints = fingerprints;
        this.commitments = commitments;
    }

    /** Loads the parts of the given assets; call it inside a transaction. */
    public Parts load(Collection<UUID> assetIds) {
        return new Parts(
                watermarks.listByAssets(assetIds).stream()
                        .collect(Collectors.toMap(watermark -> watermark.assetId, Function.identity())),
                fingerprints.listByAssets(assetIds).stream()
                        .collect(Collectors.toMap(fingerprint -> fingerprint.assetId, Function.identity())),
                commitments.listByAssets(assetIds).stream()
                        .collect(Collectors.toMap(commitment -> commitment.assetId, Function.identity())));
    }
}
