package io.certana.asset.asset.rest;

import java.util.List;

/**
 * One page of an organization's assets, newest first.
 *
 * @param items the assets on this page
 * @param page page index, starting at 0
 * @param size page size requested
 * @param total assets matching the filters, over all pages
 */
public record AssetPage(List<AssetView> items, int page, int size, long total) {
}
