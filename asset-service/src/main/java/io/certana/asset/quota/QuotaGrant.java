package io.certana.asset.quota;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of a 200 response to a reserve or release call. Only {@code granted} is read; other fields
 * (current usage and limits) are verification-service's to add.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuotaGrant(boolean granted) {
}
