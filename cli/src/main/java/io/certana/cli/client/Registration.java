package io.certana.cli.client;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * asset-service's response to an upload.
 *
 * @param body the response body: {@code id}, {@code cid}, {@code contentHash}, {@code processingStatus}
 * @param existing true for 200, when the organization had registered the same bytes before; false for 202
 */
public record Registration(JsonNode body, boolean existing) {

    public UUID id() {
        return UUID.fromString(body.path("id").asText());
    }
}
