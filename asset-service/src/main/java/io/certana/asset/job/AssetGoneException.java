package io.certana.asset.job;

import java.util.UUID;

/** The asset of a running job was deleted; the job's rows went with it, so the worker just stops. */
public class AssetGoneException extends RuntimeException {

    public AssetGoneException(UUID assetId) {
        super("asset " + assetId + " was deleted", null, false, false);
    }
}
