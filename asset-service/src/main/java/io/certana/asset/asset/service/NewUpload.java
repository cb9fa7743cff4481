package io.certana.asset.asset.service;

import java.nio.file.Path;
import java.util.List;

/**
 * An upload as the resource received it.
 *
 * @param file the spooled temporary file of the {@code file} part
 * @param originalFilename the file name the client sent, or null
 * @param title optional title
 * @param description optional description
 * @param tags tags, trimmed, without duplicates
 */
public record NewUpload(Path file, String originalFilename, String title, String description, List<String> tags) {
}
