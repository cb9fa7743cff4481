package io.certana.deploy.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Secret templates in deploy/secrets: one Secret per file, whose values are placeholders
 * ({@code REPLACE_WITH_...}) so that the repository contains no secret. Only {@code username} keys,
 * which name a database role, may carry a real value.
 */
public final class SecretTemplates {

    static final String PLACEHOLDER_PREFIX = "REPLACE_WITH_";

    private final List<Manifest> templates;

    private SecretTemplates(List<Manifest> templates) {
        this.templates = templates;
    }

    public static SecretTemplates read(Path deployDir) {
        Path folder = deployDir.resolve("secrets");
        List<Manifest> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                templates.addAll(ManifestReader.read(deployDir, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        return new SecretTemplates(templates);
    }

    static SecretTemplates of(List<Manifest> templates) {
        return new SecretTemplates(List.copyOf(templates));
    }

    public List<Manifest> manifests() {
        return templates;
    }

    /** Names of the Secrets the templates define. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        templates.forEach(template -> names.add(template.name()));
        return names;
    }

    /** Checks that every template is a Secret whose values are placeholders. */
    public List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        for (Manifest template : templates) {
            if (!template.is("v1", "Secret")) {
                findings.add(Finding.of(template, "", "a Secret template must be a v1 Secret"));
                continue;
            }
            if (template.content().has("data")) {
                findings.add(Finding.of(template, "/data", "a template holds placeholders in stringData, never encoded values in data"));
            }
            Iterator<Map.Entry<String, JsonNode>> values = template.content().path("stringData").fields();
            while (values.hasNext()) {
                Map.Entry<String, JsonNode> value = values.next();
                if (!value.getKey().equals("username") && !value.getValue().asText().strip().startsWith(PLACEHOLDER_PREFIX)) {
                    findings.add(Finding.of(template, "/stringData/" + value.getKey(),
                            "must be a placeholder starting with " + PLACEHOLDER_PREFIX + ", not a value"));
                }
            }
        }
        return findings;
    }
}
