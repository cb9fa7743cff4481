package io.certana.asset.asset.service;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.UUID;

import io.certana.asset.asset.Asset;
import io.certana.asset.asset.AssetParts;
import io.certana.asset.asset.AssetRepository;
import io.certana.asset.asset.ProcessingStatus;
import io.certana.asset.asset.rest.AssetPage;
import io.certana.asset.asset.rest.AssetView;
import io.certana.asset.anchor.service.CommitmentProofs;
import io.certana.asset.asset.rest.AssetViews;
import io.certana.asset.commitment.Commitment;
import io.certana.asset.commitment.CommitmentRepository;
import io.certana.asset.commitment.CommitmentView;
import io.certana.asset.commitment.CommitmentViews;
import io.certana.asset.commitment.SigningKeyRepository;
import io.certana.asset.fingerprint.FingerprintRepository;
import io.certana.asset.storage.BlobStore;
import io.certana.asset.watermark.AssetWatermarkRepository;
import io.certana.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads an organization's assets, their commitments and their stored files. */
@ApplicationScoped
public class AssetQueries {

    /** Problem type slug of a request for something processing has not produced yet (409). */
    public static final String NOT_READY = "asset-not-ready";

    private final AssetRepository assets;
    private final AssetWatermarkRepository watermarks;
    private final FingerprintRepository fingerprints;
    private final CommitmentRepository commitments;
    private final SigningKeyRepository keys;
    private final AssetParts parts;
    private final BlobStore blobs;
    private final CommitmentProofs proofs;

    public AssetQueries(AssetRepository assets, AssetWatermarkRepository watermarks, FingerprintRepository fingerprints,
            CommitmentRepository commitments, SigningKeyRepository keys, AssetParts parts, BlobStore blobs,
            CommitmentProofs proofs) {
        this.assets = assets;
        this.watermarks = watermarks;
        this.fingerprints = fingerprints;
        this.commitments = commitments;
        this.keys = keys;
        this.parts = parts;
        this.blobs = blobs;
        this.proofs = proofs;
    }

    /** Returns one asset with its watermark, fingerprint, commitment and metadata; 404 for another organization's. */
    @Transactional
    public AssetView find(UUID organizationId, UUID assetId) {
        Asset asset = require(organizationId, assetId);
        return AssetViews.of(asset, watermarks.findByAsset(assetId).orElse(null),
                fingerprints.findByAsset(assetId).orElse(null), commitments.findByAsset(assetId).orElse(null), true);
    }

    /** Lists one page of the organization's assets, newest first, with their parts loaded in three queries. */
    @Transactional
    public AssetPage list(UUID organizationId, ProcessingStatus status, String tag, int page, int size) {
        PanacheQuery<Asset> query = assets.listInOrganization(organizationId, status, tag, page, size);
        List<Asset> items = query.list();
        AssetParts.Parts parts = this.parts.load(items.stream().map(asset -> asset.id).toList());
        List<AssetView> views = items.stream()
                .map(asset -> AssetViews.of(asset, parts.watermarks().get(asset.id), parts.fingerprints().get(asset.id),
                        parts.commitments().get(asset.id), false))
                .toList();
        return new AssetPage(views, page, size, query.count());
    }

    /** Returns the signed commitment of a completed asset with its proof once batched; 409 before it exists. */
    @Transactional
    public CommitmentView commitment(UUID organizationId, UUID assetId) {
        Asset asset = require(organizationId, assetId);
        Commitment commitment = commitments.findByAsset(assetId).orElseThrow(() -> notReady(asset, "commitment"));
        return CommitmentViews.of(commitment, keys.findById(commitment.signingKeyId), proofs.find(commitment));
    }

    /** Opens the uploaded bytes. */
    @Transactional
    public Download original(UUID organizationId, UUID assetId) throws IOException {
        Asset asset = require(organizationId, assetId);
        return open(asset, asset.originalStorageKey, asset.mimeType, asset.fileSizeBytes, asset.contentHash,
                downloadName(asset, "original", asset.mimeType));
    }

    /** Opens the watermarked output of a completed asset; 409 before it is completed. */
    @Transactional
    public Download watermarked(UUID organizationId, UUID assetId) throws IOException {
        Asset asset = require(organizationId, assetId);
        if (asset.status() != ProcessingStatus.COMPLETED) {
            throw notReady(asset, "watermarked image");
        }
        return open(asset, asset.watermarkedStorageKey, asset.watermarkedMimeType, asset.watermarkedSizeBytes,
                asset.watermarkedContentHash, downloadName(asset, "watermarked", asset.watermarkedMimeType));
    }

    private Asset require(UUID organizationId, UUID assetId) {
        return assets.findInOrganization(organizationId, assetId)
                .orElseThrow(() -> ProblemException.notFound("Asset " + assetId + " not found."));
    }

    private Download open(Asset asset, String key, String mediaType, long size, String sha256, String fileName)
            throws IOException {
        try {
            return new Download(blobs.open(key), mediaType, size, sha256, fileName);
        } catch (NoSuchFileException e) {
            Log.errorf("Blob %s of asset %s is missing from storage", key, asset.id);
            // The row outlived its file (storage lost, moved or pointed elsewhere), so retrying does not
            // help. An upload of the same bytes puts the file back (RegistrationService), and so does
            // restoring the blob store from its backup (docs/deploy.md).
            throw ProblemException.serviceUnavailable("The stored file of asset " + asset.id + " is missing from "
                    + "the blob store. Upload the same file again to restore it, or ask the operator to restore "
                    + "the storage folder from its backup.");
        }
    }

    private static ProblemException notReady(Asset asset, String what) {
        String state = asset.status() == ProcessingStatus.FAILED
                ? "its registration failed: " + asset.processingError
                : "its registration is " + asset.processingStatus + "; wait until processingStatus is completed";
        return new ProblemException(409, NOT_READY, "Asset not ready",
                "Asset " + asset.id + " has no " + what + " yet: " + state + ".");
    }

    private static String downloadName(Asset asset, String kind, String mediaType) {
        String extension = switch (mediaType) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "image/bmp" -> "bmp";
            case "image/tiff" -> "tif";
            case "image/webp" -> "webp";
            default -> "bin";
        };
        return asset.id + "-" + kind + "." + extension;
    }
}
