package io.certana.asset.asset.service;

import io.certana.asset.asset.Asset;

/**
 * The result of an upload.
 *
 * @param asset the registered asset, new or existing
 * @param created whether this upload created it (202) or found it in the organization (200)
 */
public record RegistrationOutcome(Asset asset, boolean created) {
}
