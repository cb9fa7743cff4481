package io.certana.asset.asset.service;

/**
 * The uploaded bytes belong to an asset of another organization, which keeps the claim. The
 * uploader has the bytes, so the CID returned here reveals nothing they could not compute.
 */
public class AlreadyRegisteredException extends RuntimeException {

    /** Problem type slug of the 409 response. */
    public static final String SLUG = "asset-already-registered";

    private final String existingCid;

    public AlreadyRegisteredException(String detail, String existingCid) {
        super(detail, null, false, false);
        this.existingCid = existingCid;
    }

    /** Raw CIDv1 of the uploaded bytes as the existing asset records them. */
    public String existingCid() {
        return existingCid;
    }
}
